package io.interdict.gateway.log;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Stand-ins for the two beans others provide, each used only while no other bean of its type
 * exists. An auto-configuration (listed in {@code META-INF/spring/…AutoConfiguration.imports}) so
 * that {@code @ConditionalOnMissingBean} is evaluated after every application bean is known,
 * wherever the real ones are declared.
 */
@AutoConfiguration
public class MerkleLogDefaults {

    private static final Logger log = LoggerFactory.getLogger(MerkleLogDefaults.class);

    @Bean
    @ConditionalOnMissingBean(LeafEncoder.class)
    LeafEncoder rawEventLeafEncoder() {
        log.warn("Merkle leaves are the raw event columns (RawEventLeafEncoder), not the signed records of"
                + " PRODUCT.md §5: no LeafEncoder bean is configured");
        return new RawEventLeafEncoder();
    }

    @Bean
    @ConditionalOnMissingBean(TreeHeadSigner.class)
    TreeHeadSigner ephemeralEd25519TreeHeadSigner() {
        EphemeralEd25519TreeHeadSigner signer = new EphemeralEd25519TreeHeadSigner(new SecureRandom());
        log.warn(
                "Tree heads are signed with an Ed25519 key generated in memory (kid {}), published nowhere and"
                        + " lost at restart: no TreeHeadSigner bean is configured",
                signer.kid());
        return signer;
    }
}
