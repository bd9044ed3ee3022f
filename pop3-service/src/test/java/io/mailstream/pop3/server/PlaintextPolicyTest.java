package io.mailstream.pop3.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.pop3.testing.Pop3Fixture;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 5034 4 / RFC 2595: on a non-loopback connection without TLS, USER/PASS and AUTH PLAIN are
 * neither advertised nor accepted, unless allow-plaintext-auth is set. The server is bound to a
 * non-loopback address of this machine so the connection really comes from one.
 */
class PlaintextPolicyTest {
    static final String CAPA_NO_PLAINTEXT = "+OK Capability list follows\r\nTOP\r\nUIDL\r\nRESP-CODES\r\n"
            + "AUTH-RESP-CODE\r\nPIPELINING\r\nSTLS\r\nIMPLEMENTATION Mailstream\r\n.\r\n";
    static final String REFUSED =
            "-ERR [AUTH] plaintext authentication disallowed on non-TLS connections, use STLS\r\n";

    private static String address;

    @BeforeAll
    static void findAddress() throws Exception {
        Optional<String> found = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (Exception e) {
                        return false;
                    }
                })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .map(InetAddress::getHostAddress).findFirst();
        assumeTrue(found.isPresent(), "no non-loopback IPv4 address on this machine");
        address = found.get();
    }

    private Pop3Client connect(Pop3Fixture pop3) throws Exception {
        Pop3Client c = Pop3Client.connect(address, pop3.port());
        c.expect("+OK Mailstream POP3 server ready\r\n");
        return c;
    }

    @Test
    void plaintextPasswordsOnlyAfterStls() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start(s -> s.withHost(address)); Pop3Client c = connect(pop3)) {
            pop3.user("u", "p");
            c.send("CAPA\r\n").expect(CAPA_NO_PLAINTEXT);
            c.send("USER u\r\n").expect(REFUSED);
            c.send("PASS p\r\n").expect(REFUSED);
            c.send("AUTH PLAIN " + AuthPlainTest.plain("", "u", "p") + "\r\n").expect(REFUSED);
            c.send("AUTH\r\n").expect("+OK\r\n.\r\n");
            c.send("STLS\r\n").expect("+OK Begin TLS negotiation\r\n");
            c.startTls();
            c.send("CAPA\r\n").expect(TlsTest.CAPA_TLS);
            Pop3Fixture.login(c, "u", "p", 0, 0);
        }
    }

    @Test
    void allowPlaintextAuthOpensIt() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start(s -> s.withHost(address).withAllowPlaintextAuth(true));
                Pop3Client c = connect(pop3)) {
            pop3.user("u", "p");
            c.send("CAPA\r\n").expect("+OK Capability list follows\r\nTOP\r\nUIDL\r\nUSER\r\nRESP-CODES\r\n"
                    + "AUTH-RESP-CODE\r\nPIPELINING\r\nSASL PLAIN\r\nSTLS\r\nIMPLEMENTATION Mailstream\r\n.\r\n");
            Pop3Fixture.login(c, "u", "p", 0, 0);
        }
    }
}
