package io.interdict.gateway.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TreeHeadPayloadTest {

    /** SHA-256 of the empty string: the root of the empty tree, RFC 9162 §2.1.1. */
    private static final byte[] EMPTY_ROOT =
            HexFormat.of().parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    @Test
    void canonicalBytesAreTheSortedMembersWithoutWhitespace() {
        byte[] payload = TreeHeadPayload.canonicalBytes(42, EMPTY_ROOT, Instant.parse("2026-11-30T09:12:44.120Z"));

        assertThat(new String(payload, StandardCharsets.UTF_8))
                .isEqualTo("{\"rootHash\":\"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\","
                        + "\"timestamp\":\"2026-11-30T09:12:44.120Z\",\"treeSize\":42}");
    }

    @Test
    void theTimestampAlwaysHasThreeFractionDigitsInUtc() {
        assertThat(TreeHeadPayload.timestamp(Instant.parse("2026-11-30T09:12:44Z")))
                .isEqualTo("2026-11-30T09:12:44.000Z");
        assertThat(TreeHeadPayload.timestamp(Instant.parse("2026-11-30T09:12:44.123456789Z")))
                .isEqualTo("2026-11-30T09:12:44.123Z");
    }

    @Test
    void theEmptyTreeHasSizeZeroInPlainDecimal() {
        assertThat(new String(
                        TreeHeadPayload.canonicalBytes(0, EMPTY_ROOT, Instant.parse("2026-01-02T03:04:05.006Z")),
                        StandardCharsets.UTF_8))
                .endsWith(",\"timestamp\":\"2026-01-02T03:04:05.006Z\",\"treeSize\":0}");
    }

    @Test
    void aNegativeSizeOrAShortRootIsRefused() {
        Instant at = Instant.parse("2026-11-30T09:12:44.120Z");
        assertThatThrownBy(() -> TreeHeadPayload.canonicalBytes(-1, EMPTY_ROOT, at))
                .hasMessageContaining("treeSize must be >= 0, got -1");
        assertThatThrownBy(() -> TreeHeadPayload.canonicalBytes(1, new byte[31], at))
                .hasMessageContaining("rootHash must be 32 bytes, got 31 bytes");
    }
}
