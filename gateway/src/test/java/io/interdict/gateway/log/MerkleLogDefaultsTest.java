package io.interdict.gateway.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MerkleLogDefaultsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MerkleLogDefaults.class));

    @Test
    void withoutOtherBeansTheStandInsAreUsed() {
        context.run(beans -> {
            assertThat(beans).getBean(LeafEncoder.class).isInstanceOf(RawEventLeafEncoder.class);
            assertThat(beans).getBean(TreeHeadSigner.class).isInstanceOf(EphemeralEd25519TreeHeadSigner.class);
        });
    }

    @Test
    void anApplicationsOwnEncoderAndSignerReplaceTheStandIns() {
        LeafEncoder signedRecords = event -> new byte[] {1};
        TreeHeadSigner gatewayKey = payload -> "e30..c2ln";

        context.withBean(LeafEncoder.class, () -> signedRecords)
                .withBean(TreeHeadSigner.class, () -> gatewayKey)
                .run(beans -> {
                    assertThat(beans).hasSingleBean(LeafEncoder.class).hasSingleBean(TreeHeadSigner.class);
                    assertThat(beans.getBean(LeafEncoder.class)).isSameAs(signedRecords);
                    assertThat(beans.getBean(TreeHeadSigner.class)).isSameAs(gatewayKey);
                });
    }
}
