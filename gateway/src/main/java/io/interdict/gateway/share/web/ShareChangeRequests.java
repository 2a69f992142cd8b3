package io.interdict.gateway.share.web;

import io.interdict.domain.share.ProviderActionType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Bodies of the share lifecycle endpoints (PRODUCT.md §6) other than the amendment, which is a push body. */
final class ShareChangeRequests {

    private ShareChangeRequests() {}

    /** {@code POST /api/v1/shares/{id}/audience}: partners to add to the audience. */
    record ExtendAudience(
            @NotEmpty @Size(max = 100)
            List<@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String> recipients) {}

    /** {@code POST /api/v1/shares/{id}/withdrawal}. */
    record Withdraw(@NotBlank @Size(max = 1000) String reason) {}

    /** {@code POST /api/v1/shares/{id}/actions}: what the provider did on the strength of its share. */
    record RecordAction(
            @NotNull ProviderActionType action,
            @Size(max = 2000) String details) {}
}
