package io.mailstream.imap.proto.encode;

import static io.mailstream.imap.proto.encode.Wire.rev1;
import static io.mailstream.imap.proto.encode.Wire.rev2;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ImapResponse.Cond;
import io.mailstream.imap.proto.response.ListExtendedItem;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.store.api.UidSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact bytes of every response type except FETCH (see FetchEncoderTest). */
class ResponseEncoderTest {

    @Test
    void tagged() {
        assertThat(rev2(ImapResponse.Tagged.ok("A001", "LOGIN completed"))).isEqualTo("A001 OK LOGIN completed\r\n");
        assertThat(rev2(ImapResponse.Tagged.no("A002", ResponseCode.TRYCREATE, "No such mailbox")))
                .isEqualTo("A002 NO [TRYCREATE] No such mailbox\r\n");
        assertThat(rev2(ImapResponse.Tagged.bad("A003", "")).toString()).isEqualTo("A003 BAD completed\r\n");
        assertThat(rev2(ImapResponse.Tagged.no("B283", ResponseCode.BADCHARSET_UTF8_ASCII, "KOI8-R not supported")))
                .isEqualTo("B283 NO [BADCHARSET (UTF-8 US-ASCII)] KOI8-R not supported\r\n");
    }

    @Test
    void textIsOneLineAndAsciiForRev1() {
        assertThat(rev1(ImapResponse.Tagged.no("a", "bad\r\nthing ☺"))).isEqualTo("a NO bad  thing ?\r\n");
        assertThat(rev2(ImapResponse.Tagged.no("a", "bad\r\nthing ☺"))).isEqualTo("a NO bad  thing ☺\r\n");
    }

    @Test
    void untaggedConditions() {
        assertThat(rev2(ImapResponse.Condition.ok(new ResponseCode.UidValidity(3857529045L), "UIDs valid")))
                .isEqualTo("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n");
        assertThat(rev2(ImapResponse.Condition.ok(new ResponseCode.PermanentFlags(List.of("\\Deleted", "\\Seen", "\\*")),
                "Limited"))).isEqualTo("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n");
        assertThat(rev2(ImapResponse.Condition.bye("Autologout; idle for too long")))
                .isEqualTo("* BYE Autologout; idle for too long\r\n");
        assertThat(rev2(new ImapResponse.Condition(Cond.PREAUTH, null, "IMAP4rev2 server logged in as Smith")))
                .isEqualTo("* PREAUTH IMAP4rev2 server logged in as Smith\r\n");
        assertThat(rev2(new ImapResponse.Condition(Cond.OK, new ResponseCode.Capability(List.of("IMAP4rev2",
                "STARTTLS", "AUTH=GSSAPI", "LOGINDISABLED")), "Server ready")))
                .isEqualTo("* OK [CAPABILITY IMAP4rev2 STARTTLS AUTH=GSSAPI LOGINDISABLED] Server ready\r\n");
        assertThat(rev1(ImapResponse.Condition.ok(new ResponseCode.Unseen(12), "Message 12 is first unseen")))
                .isEqualTo("* OK [UNSEEN 12] Message 12 is first unseen\r\n");
        assertThat(rev2(ImapResponse.Condition.ok(new ResponseCode.UidNext(4392), "Predicted next UID")))
                .isEqualTo("* OK [UIDNEXT 4392] Predicted next UID\r\n");
        assertThat(rev2(ImapResponse.Condition.ok(new ResponseCode.HighestModSeq(715194045007L), "Highest")))
                .isEqualTo("* OK [HIGHESTMODSEQ 715194045007] Highest\r\n");
        assertThat(rev2(new ImapResponse.Condition(Cond.NO, ResponseCode.ALERT, "System shutdown in 10 minutes")))
                .isEqualTo("* NO [ALERT] System shutdown in 10 minutes\r\n");
    }

    @Test
    void responseCodes() {
        assertThat(rev2(ImapResponse.Tagged.ok("A003", new ResponseCode.AppendUid(38505, UidSet.of(3955)),
                "APPEND completed"))).isEqualTo("A003 OK [APPENDUID 38505 3955] APPEND completed\r\n");
        assertThat(rev2(ImapResponse.Tagged.ok("A004", new ResponseCode.CopyUid(38505, List.of(304L, 319L, 320L),
                List.of(3956L, 3957L, 3958L)), "Done"))).isEqualTo("A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n");
        assertThat(rev2(ImapResponse.Tagged.ok("d105", new ResponseCode.Modified(UidSet.of(7, 9)), "Conditional STORE failed")))
                .isEqualTo("d105 OK [MODIFIED 7,9] Conditional STORE failed\r\n");
        assertThat(rev2(ImapResponse.Tagged.ok("a", ResponseCode.READ_WRITE, "SELECT completed")))
                .isEqualTo("a OK [READ-WRITE] SELECT completed\r\n");
        assertThat(rev2(ImapResponse.Tagged.no("a", ResponseCode.UNKNOWN_CTE, "x"))).isEqualTo("a NO [UNKNOWN-CTE] x\r\n");
        assertThat(rev2(ImapResponse.Tagged.no("a", new ResponseCode.Other("USEATTR", null), "x")))
                .isEqualTo("a NO [USEATTR] x\r\n");
        assertThat(rev2(ImapResponse.Tagged.no("a", new ResponseCode.Other("X-THING", "a]b"), "x")))
                .isEqualTo("a NO [X-THING a b] x\r\n");
        List<ResponseCode> simple = List.of(ResponseCode.ALERT, ResponseCode.PARSE, ResponseCode.READ_ONLY,
                ResponseCode.UIDNOTSTICKY, ResponseCode.NOMODSEQ, ResponseCode.CLOSED, ResponseCode.NONEXISTENT,
                ResponseCode.ALREADYEXISTS, ResponseCode.OVERQUOTA, ResponseCode.TOOBIG, ResponseCode.LIMIT,
                ResponseCode.UNAVAILABLE, ResponseCode.CANNOT, ResponseCode.AUTHENTICATIONFAILED,
                ResponseCode.AUTHORIZATIONFAILED, ResponseCode.SERVERBUG, ResponseCode.CLIENTBUG, ResponseCode.INUSE,
                ResponseCode.NOPERM, ResponseCode.EXPUNGEISSUED, ResponseCode.CORRUPTION, ResponseCode.CONTACTADMIN,
                ResponseCode.HASCHILDREN, ResponseCode.NOTSAVED, ResponseCode.EXPIRED, ResponseCode.PRIVACYREQUIRED);
        for (ResponseCode c : simple) {
            String atom = ((ResponseCode.Simple) c).atom();
            assertThat(rev2(ImapResponse.Tagged.no("t", c, "x"))).isEqualTo("t NO [" + atom + "] x\r\n");
        }
    }

    @Test
    void continuation() {
        assertThat(rev2(new ImapResponse.Continuation("Ready for literal data"))).isEqualTo("+ Ready for literal data\r\n");
        assertThat(rev2(new ImapResponse.Continuation(""))).isEqualTo("+ \r\n");
        assertThat(rev2(ImapResponse.Continuation.base64(new byte[] {1, 2, 3}))).isEqualTo("+ AQID\r\n");
    }

    @Test
    void mailboxSizeAndMessageNumbers() {
        assertThat(rev2(new ImapResponse.Capability(List.of("IMAP4rev1", "IMAP4rev2", "LITERAL+"))))
                .isEqualTo("* CAPABILITY IMAP4rev1 IMAP4rev2 LITERAL+\r\n");
        assertThat(rev2(new ImapResponse.Exists(23))).isEqualTo("* 23 EXISTS\r\n");
        assertThat(rev1(new ImapResponse.Recent(5))).isEqualTo("* 5 RECENT\r\n");
        assertThat(rev2(new ImapResponse.Expunge(44))).isEqualTo("* 44 EXPUNGE\r\n");
        assertThat(rev2(new ImapResponse.Vanished(true, UidSet.parse("300:310,405,411"))))
                .isEqualTo("* VANISHED (EARLIER) 300:310,405,411\r\n");
        assertThat(rev2(new ImapResponse.Vanished(false, UidSet.of(405)))).isEqualTo("* VANISHED 405\r\n");
        assertThat(rev2(new ImapResponse.Flags(List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"))))
                .isEqualTo("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n");
    }

    @Test
    void list() {
        assertThat(rev2(new ImapResponse.List(List.of("\\Noselect"), '/', "", List.of())))
                .isEqualTo("* LIST (\\Noselect) \"/\" \"\"\r\n");
        assertThat(rev2(new ImapResponse.List(List.of(), '/', "blurdybloop", List.of())))
                .isEqualTo("* LIST () \"/\" blurdybloop\r\n");
        assertThat(rev2(new ImapResponse.List(List.of("\\HasNoChildren"), '.', "Sent Mail", List.of())))
                .isEqualTo("* LIST (\\HasNoChildren) \".\" \"Sent Mail\"\r\n");
        assertThat(rev2(new ImapResponse.List(List.of(), null, "#news", List.of())))
                .isEqualTo("* LIST () NIL #news\r\n");
        assertThat(rev2(new ImapResponse.List(List.of(), '\\', "a\\b", List.of())))
                .isEqualTo("* LIST () \"\\\\\" \"a\\\\b\"\r\n");
        assertThat(rev2(new ImapResponse.List(List.of(), '/', "NewName", List.of(new ListExtendedItem.OldName("OldName")))))
                .isEqualTo("* LIST () \"/\" NewName (\"OLDNAME\" (OldName))\r\n");
        assertThat(rev2(new ImapResponse.List(List.of(), '/', "Foo", List.of(new ListExtendedItem.ChildInfo(
                List.of("SUBSCRIBED")))))).isEqualTo("* LIST () \"/\" Foo (\"CHILDINFO\" (\"SUBSCRIBED\"))\r\n");
        assertThat(rev2(new ImapResponse.List(List.of(), '/', "NIL", List.of()))).isEqualTo("* LIST () \"/\" \"NIL\"\r\n");
    }

    @Test
    void mailboxNamesPerSessionVersion() {
        ImapResponse.List l = new ImapResponse.List(List.of(), '/', "~peter/mail/台北/日本語", List.of());
        assertThat(rev1(l)).isEqualTo("* LIST () \"/\" ~peter/mail/&U,BTFw-/&ZeVnLIqe-\r\n");
        assertThat(rev2(l)).isEqualTo("* LIST () \"/\" \"~peter/mail/台北/日本語\"\r\n");
        assertThat(rev1(new ImapResponse.Lsub(List.of(), '/', "Tom & Jerry"))).isEqualTo("* LSUB () \"/\" \"Tom &- Jerry\"\r\n");
        assertThat(new String(ImapEncoder.encodeBytes(l, new EncoderContext(false, true)), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("* LIST () \"/\" \"~peter/mail/台北/日本語\"\r\n");
    }

    @Test
    void status() {
        Map<StatusItem, Long> v = new LinkedHashMap<>();
        v.put(StatusItem.MESSAGES, 231L);
        v.put(StatusItem.UIDNEXT, 44292L);
        assertThat(rev2(new ImapResponse.Status("blurdybloop", v)))
                .isEqualTo("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n");
        assertThat(rev2(new ImapResponse.Status("a b", Map.of()))).isEqualTo("* STATUS \"a b\" ()\r\n");
    }

    @Test
    void searchAndEsearch() {
        assertThat(rev1(new ImapResponse.Search(List.of(2L, 84L, 882L), null))).isEqualTo("* SEARCH 2 84 882\r\n");
        assertThat(rev1(new ImapResponse.Search(List.of(), null))).isEqualTo("* SEARCH\r\n");
        assertThat(rev1(new ImapResponse.Search(List.of(2L, 5L), 917162500L))).isEqualTo("* SEARCH 2 5 (MODSEQ 917162500)\r\n");
        assertThat(rev2(new ImapResponse.ESearch("A282", false, 2L, null, null, 3L, null)))
                .isEqualTo("* ESEARCH (TAG \"A282\") MIN 2 COUNT 3\r\n");
        assertThat(rev2(new ImapResponse.ESearch("A283", true, null, null, UidSet.parse("2,10:11"), null, null)))
                .isEqualTo("* ESEARCH (TAG \"A283\") UID ALL 2,10:11\r\n");
        assertThat(rev2(new ImapResponse.ESearch("A285", true, 7L, 3800L, null, null, null)))
                .isEqualTo("* ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800\r\n");
        assertThat(rev2(new ImapResponse.ESearch("A286", false, null, null, UidSet.empty(), 0L, null)))
                .isEqualTo("* ESEARCH (TAG \"A286\") COUNT 0\r\n");
        assertThat(rev2(new ImapResponse.ESearch(null, false, 1L, 5L, UidSet.parse("1:5"), 5L, 917162500L)))
                .isEqualTo("* ESEARCH MIN 1 MAX 5 ALL 1:5 COUNT 5 MODSEQ 917162500\r\n");
    }

    @Test
    void enabledNamespaceId() {
        assertThat(rev2(new ImapResponse.Enabled(List.of("CONDSTORE", "QRESYNC")))).isEqualTo("* ENABLED CONDSTORE QRESYNC\r\n");
        assertThat(rev2(new ImapResponse.Enabled(List.of()))).isEqualTo("* ENABLED\r\n");
        assertThat(rev2(new ImapResponse.Namespace(List.of(new ImapResponse.NamespaceDescr("", '/')), null, null)))
                .isEqualTo("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n");
        assertThat(rev2(new ImapResponse.Namespace(List.of(new ImapResponse.NamespaceDescr("", '/')),
                List.of(new ImapResponse.NamespaceDescr("~", '/')),
                List.of(new ImapResponse.NamespaceDescr("#shared/", '/'), new ImapResponse.NamespaceDescr("#news.", '.')))))
                .isEqualTo("* NAMESPACE ((\"\" \"/\")) ((\"~\" \"/\")) ((\"#shared/\" \"/\")(\"#news.\" \".\"))\r\n");
        Map<String, String> id = new LinkedHashMap<>();
        id.put("name", "Cyrus");
        id.put("version", "1.5");
        id.put("support-url", "mailto:cyrus-bugs+@andrew.cmu.edu");
        id.put("os", null);
        assertThat(rev2(new ImapResponse.Id(id)))
                .isEqualTo("* ID (\"name\" \"Cyrus\" \"version\" \"1.5\" \"support-url\" \"mailto:cyrus-bugs+@andrew.cmu.edu\""
                        + " \"os\" NIL)\r\n");
        assertThat(rev2(new ImapResponse.Id(null))).isEqualTo("* ID NIL\r\n");
    }
    @Test
    void quotaResponses() {
        // RFC 9208 4.2.1 / 4.2.2 examples
        assertThat(rev2(new ImapResponse.Quota("", List.of(new ImapResponse.QuotaResource("STORAGE", 10, 512)))))
                .isEqualTo("* QUOTA \"\" (STORAGE 10 512)\r\n");
        assertThat(rev1(new ImapResponse.Quota("#user/alice", List.of(new ImapResponse.QuotaResource("STORAGE", 54,
                111), new ImapResponse.QuotaResource("MESSAGE", 42, 1000)))))
                .isEqualTo("* QUOTA #user/alice (STORAGE 54 111 MESSAGE 42 1000)\r\n");
        assertThat(rev2(new ImapResponse.Quota("", List.of()))).isEqualTo("* QUOTA \"\" ()\r\n");
        assertThat(rev2(new ImapResponse.QuotaRoot("INBOX", List.of("")))).isEqualTo("* QUOTAROOT INBOX \"\"\r\n");
        assertThat(rev2(new ImapResponse.QuotaRoot("comp.mail.mime", List.of())))
                .isEqualTo("* QUOTAROOT comp.mail.mime\r\n");
        // mailbox names follow the session: modified UTF-7 for rev1, UTF-8 otherwise
        assertThat(rev1(new ImapResponse.QuotaRoot("Entwürfe", List.of(""))))
                .isEqualTo("* QUOTAROOT Entw&APw-rfe \"\"\r\n");
        assertThat(new String(ImapEncoder.encodeBytes(new ImapResponse.QuotaRoot("Entwürfe", List.of("")),
                new EncoderContext(false, true)), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("* QUOTAROOT \"Entwürfe\" \"\"\r\n");
    }

    @Test
    void newStatusItemsAndCodes() {
        Map<StatusItem, Long> v = new LinkedHashMap<>();
        v.put(StatusItem.MESSAGES, 12L);
        v.put(StatusItem.DELETED, 4L);
        v.put(StatusItem.DELETED_STORAGE, 8L);
        v.put(StatusItem.APPENDLIMIT, 257890L);
        assertThat(rev2(new ImapResponse.Status("INBOX", v)))
                .isEqualTo("* STATUS INBOX (MESSAGES 12 DELETED 4 DELETED-STORAGE 8 APPENDLIMIT 257890)\r\n");
        assertThat(rev2(ImapResponse.Tagged.no("t1", ResponseCode.USEATTR, "\\All not supported")))
                .isEqualTo("t1 NO [USEATTR] \\All not supported\r\n");
        assertThat(rev2(ImapResponse.Tagged.no("A003", ResponseCode.OVERQUOTA, "APPEND Failed")))
                .isEqualTo("A003 NO [OVERQUOTA] APPEND Failed\r\n");
    }
}
