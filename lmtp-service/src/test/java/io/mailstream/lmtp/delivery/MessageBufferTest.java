package io.mailstream.lmtp.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MessageBufferTest {

    @Test
    void collectsUpToTheLimitWhateverTheDeclaredSize() {
        for (long declared : new long[] {-1, 0, 10, 5000, 1L << 40}) {
            MessageBuffer b = new MessageBuffer(3000, declared);
            byte[] piece = new byte[700];
            Arrays.fill(piece, (byte) 'a');
            for (int i = 0; i < 4; i++) {
                b.append(piece);
            }
            assertThat(b.overflowed()).isFalse();
            assertThat(b.size()).isEqualTo(2800);
            assertThat(Arrays.copyOf(b.array(), b.size())).containsOnly((byte) 'a');
            b.append(new byte[200]);
            assertThat(b.overflowed()).isFalse();
            b.append(new byte[1]);
            assertThat(b.overflowed()).isTrue();
            assertThat(b.received()).isEqualTo(3001);
            assertThat(b.array()).isNull(); // released, not kept growing
        }
    }
}
