package io.interdict.audit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundleVerifierTest {

    private static final BundleFixtures LOG = BundleFixtures.log(37, "a");
    private static final BundleFixtures FORK = BundleFixtures.log(37, "fork");

    @Test
    void aBundleFromLeafZeroVerifies() {
        BundleReport report = verify(LOG.bundle(0, 20, 37), null);

        assertThat(report.findings()).isEmpty();
        assertThat(report.verified()).isTrue();
        assertThat(report.records()).isEqualTo(37);
        assertThat(report.firstTreeSize()).isEqualTo(20);
    }

    @Test
    void aBundleFromALaterLeafVerifiesThroughItsLeftFrontier() {
        for (long from : List.of(1L, 13L, 16L, 36L, 37L)) {
            BundleReport report = verify(LOG.bundle(from, 5, 37), null);
            assertThat(report.findings()).as("from " + from).isEmpty();
            assertThat(report.records()).isEqualTo(37 - from);
        }
    }

    @Test
    void oneByteChangedInAPayloadFailsNamingThatRecord() {
        ObjectNode bundle = LOG.bundle(0, 20, 37);
        ObjectNode payload = (ObjectNode) bundle.get("records").get(7).get("payload");
        payload.put("shareId", payload.get("shareId").asText().replace("7", "8"));

        BundleReport report = verify(bundle, null);

        assertThat(report.verified()).isFalse();
        assertThat(report.findings())
                .anySatisfy(finding -> {
                    assertThat(finding.recordId()).isEqualTo("rec-a-7");
                    assertThat(finding.leafIndex()).isEqualTo(7L);
                    assertThat(finding.reason()).isEqualTo("GATEWAY_SIGNATURE");
                    assertThat(finding.describe())
                            .contains("FAIL leaf 7 record rec-a-7 GATEWAY_SIGNATURE: BAD_SIGNATURE");
                })
                .anySatisfy(finding -> assertThat(finding.reason()).isEqualTo("ROOT_MISMATCH"));
    }

    @Test
    void aChangedSubmittedBodyFailsTheSubmitterSignature() {
        ObjectNode bundle = LOG.bundle(0, 20, 37);
        ObjectNode payload = (ObjectNode) bundle.get("records").get(4).get("payload");
        payload.put("submittedBody", payload.get("submittedBody").asText().replace("85", "86"));

        BundleReport report = verify(bundle, null);

        assertThat(report.findings())
                .anySatisfy(finding -> assertThat(finding.describe()).contains("rec-a-4 SUBMITTER_SIGNATURE"));
    }

    @Test
    void aRemovedRecordIsALeafGap() {
        ObjectNode bundle = LOG.bundle(0, 20, 37);
        ((ArrayNode) bundle.get("records")).remove(8);

        BundleReport report = verify(bundle, null);

        assertThat(report.verified()).isFalse();
        assertThat(report.findings())
                .anySatisfy(finding -> {
                    assertThat(finding.reason()).isEqualTo("LEAF_GAP");
                    assertThat(finding.leafIndex()).isEqualTo(9L);
                    assertThat(finding.detail()).contains("expected leaf 8, found 9");
                })
                .anySatisfy(finding -> assertThat(finding.reason()).isEqualTo("RECORD_COUNT"))
                .anySatisfy(finding -> assertThat(finding.reason()).isEqualTo("ROOT_MISMATCH"));
    }

    @Test
    void aRemovedLeafWhoseSuccessorsWereRenumberedFailsTheRoot() {
        ObjectNode bundle = LOG.bundle(0, 20, 37);
        ArrayNode records = (ArrayNode) bundle.get("records");
        records.remove(8);
        for (int i = 8; i < records.size(); i++) {
            ((ObjectNode) records.get(i)).put("leafIndex", i);
        }

        BundleReport report = verify(bundle, null);

        assertThat(report.findings()).extracting(BundleFinding::reason).contains("RECORD_COUNT", "ROOT_MISMATCH");
    }

    @Test
    void aForgedTreeHeadWithTheSameSizeAndAnotherRootIsRefused() {
        ObjectNode bundle = LOG.bundle(0, 20, 37);
        ObjectNode head = (ObjectNode) bundle.get("treeHead");
        head.put("rootHash", FORK.head(37).rootHashBase64());

        BundleReport report = verify(bundle, null);

        assertThat(report.findings())
                .anySatisfy(finding -> assertThat(finding.describe())
                        .startsWith("FAIL log TREE_HEAD_SIGNATURE: treeHead of size 37: BAD_SIGNATURE"))
                .anySatisfy(finding -> assertThat(finding.reason()).isEqualTo("ROOT_MISMATCH"));
    }

    @Test
    void aBadConsistencyProofFails() {
        ObjectNode bundle = LOG.bundle(0, 20, 37);
        ArrayNode path = (ArrayNode) bundle.get("consistencyProof").get("consistencyPath");
        byte[] hash = Base64.getDecoder().decode(path.get(0).asText());
        hash[0] ^= 1;
        path.set(0, Base64.getEncoder().encodeToString(hash));

        BundleReport report = verify(bundle, null);

        assertThat(report.findings())
                .singleElement()
                .satisfies(finding -> assertThat(finding.describe()).startsWith("FAIL log CONSISTENCY"));
    }

    @Test
    void aFirstHeadFromAnotherLogIsInconsistent() {
        ObjectNode bundle = LOG.bundle(0, 20, 37);
        bundle.set("firstTreeHead", FORK.head(20).toJson());

        BundleReport report = verify(bundle, null);

        assertThat(report.findings()).extracting(BundleFinding::reason).containsExactly("CONSISTENCY");
    }

    @Test
    void aTrustedHeadOfTheFirstSizeOrWithinTheRecordsVerifies() {
        assertThat(verify(LOG.bundle(0, 20, 37), LOG.head(20)).findings()).isEmpty();
        assertThat(verify(LOG.bundle(0, 20, 37), LOG.head(29)).findings()).isEmpty();
        assertThat(verify(LOG.bundle(0, 20, 37), LOG.head(37)).findings()).isEmpty();
        assertThat(verify(LOG.bundle(10, 20, 37), LOG.head(11)).findings()).isEmpty();
    }

    @Test
    void aTrustedEarlierHeadThatIsInconsistentFails() {
        // The same gateway key signed a head of another history: a fork the auditor must see.
        for (long size : List.of(20L, 29L, 37L)) {
            BundleReport report = verify(LOG.bundle(0, 20, 37), FORK.head(size));
            assertThat(report.findings())
                    .as("trusted size " + size)
                    .singleElement()
                    .satisfies(finding -> {
                        assertThat(finding.reason()).isEqualTo("TRUSTED_HEAD");
                        assertThat(finding.detail()).contains("rewritten or the head forged");
                    });
        }
    }

    @Test
    void aForgedTrustedHeadIsRefused() {
        SignedTreeHead genuine = LOG.head(20);
        SignedTreeHead forged =
                new SignedTreeHead(20, FORK.head(20).rootHash(), genuine.timestamp(), genuine.signature());

        BundleReport report = verify(LOG.bundle(0, 20, 37), forged);

        assertThat(report.findings())
                .extracting(BundleFinding::reason)
                .contains("TRUSTED_HEAD_SIGNATURE", "TRUSTED_HEAD");
    }

    @Test
    void aTrustedHeadTheBundleCannotReachAsksForAnotherExport() {
        assertThatThrownBy(() -> verify(LOG.bundle(15, 20, 37), LOG.head(5)))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("export a bundle with firstTreeSize=5");
    }

    @Test
    void aTrustedHeadNewerThanTheBundleFails() {
        BundleReport report = verify(LOG.bundle(0, 20, 30), LOG.head(37));

        assertThat(report.findings()).extracting(BundleFinding::reason).containsExactly("TRUSTED_HEAD");
    }

    @Test
    void recordsMustComeLastAndUnknownMembersAreRefused() {
        ObjectNode bundle = LOG.bundle(0, 20, 37);
        bundle.put("extra", 1);
        assertThatThrownBy(() -> verify(bundle, null)).isInstanceOf(BundleFormatException.class);

        ObjectNode reordered = Jcs.mapper().createObjectNode();
        reordered.set("records", LOG.bundle(0, 20, 37).get("records"));
        LOG.bundle(0, 20, 37).fields().forEachRemaining(field -> {
            if (!field.getKey().equals("records")) {
                reordered.set(field.getKey(), field.getValue());
            }
        });
        assertThatThrownBy(() -> verify(reordered, null))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("expected member");
    }

    @Test
    void aLargeLogVerifiesInParallelAndATamperedRecordIsFoundAmongThousands() {
        BundleFixtures large = BundleFixtures.log(1500, "large");
        assertThat(verify(large.bundle(0, 700, 1500), large.head(700)).findings())
                .isEmpty();

        ObjectNode bundle = large.bundle(0, 700, 1500);
        ((ObjectNode) bundle.get("records").get(1222).get("payload")).put("version", 2);
        assertThat(verify(bundle, null).findings())
                .extracting(BundleFinding::recordId)
                .contains("rec-large-1222");
    }

    static BundleReport verify(ObjectNode bundle, SignedTreeHead trusted) {
        try {
            return new BundleVerifier(2, 100, (done, expected) -> {}, finding -> {})
                    .verify(new ByteArrayInputStream(Jcs.mapper().writeValueAsBytes(bundle)), trusted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
