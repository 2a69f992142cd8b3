package io.interdict.gateway.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interdict.config.SignatureSettings;
import io.interdict.domain.common.PartnerKind;
import io.interdict.gateway.partner.PartnerRegistry.PartnerProfile;
import io.interdict.gateway.web.ApiProblem;
import io.interdict.gateway.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code interdict.signatures.required}: an unsigned push is refused only where the deployment says so. */
class ShareChecksTest {

    private static final PartnerProfile AMAZON =
            new PartnerProfile("amazon", PartnerKind.SIGNAL_PROVIDER, "Amazon", Set.of(), false, Map.of());
    private static final byte[] BODY = "{\"kind\":\"FRAUD\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void anUnsignedPushIsRefusedWhereSignaturesAreRequired() {
        ShareChecks checks = new ShareChecks(new SubmitterSignatures(null), new SignatureSettings(true), null);

        assertThatThrownBy(() -> checks.signature(AMAZON, null, BODY, Instant.EPOCH, "push"))
                .isInstanceOf(ApiProblemException.class)
                .hasMessage("this gateway requires an Interdict-Signature header on every push")
                .satisfies(e -> assertThat(((ApiProblemException) e).problem()).isEqualTo(ApiProblem.BAD_SIGNATURE));
    }

    @Test
    void anUnsignedPushIsAcceptedByDefault() {
        ShareChecks checks = new ShareChecks(new SubmitterSignatures(null), new SignatureSettings(false), null);

        assertThat(checks.signature(AMAZON, null, BODY, Instant.EPOCH, "push"))
                .isEqualTo(ShareChecks.SubmitterSignature.NONE);
    }
}
