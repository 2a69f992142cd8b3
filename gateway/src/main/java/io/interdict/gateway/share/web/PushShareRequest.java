package io.interdict.gateway.share.web;

import io.interdict.domain.common.RecordKind;
import io.interdict.domain.common.Tlp;
import io.interdict.domain.share.Evidence;
import io.interdict.domain.share.ShareContent;
import io.interdict.domain.share.ShareSubject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/** The body of {@code POST /api/v1/shares} (PRODUCT.md §8), with its limits. */
record PushShareRequest(
        @NotNull RecordKind kind,
        @NotNull Tlp marking,
        @Size(max = 100) List<@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String> audience,
        @NotNull @Valid Subject subject,
        @Size(max = 100) List<@NotBlank @Size(max = 500) String> indicators,
        @NotNull @Min(0) @Max(100) Integer confidence,
        @Size(max = 100) List<@NotNull @Valid EvidenceItem> evidence,
        Instant expiresAt) {

    record Subject(
            @Size(max = 200) String sellerAccount,
            @Size(max = 200) String productId,
            @Size(max = 100) String trackingNumber,
            @Size(max = 100) String containerNumber,
            @Size(max = 100) String airWaybill,
            @Size(max = 20) String hsCode,
            @Size(max = 2) String originCountry,
            @Size(max = 10) String portOfEntry,
            @Size(max = 300) String consignee) {}

    record EvidenceItem(
            @NotNull String sha256, @Size(max = 500) String description) {}

    ShareContent toContent() {
        return new ShareContent(
                kind,
                marking,
                audience == null ? new LinkedHashSet<>() : new LinkedHashSet<>(audience),
                new ShareSubject(
                        subject.sellerAccount(),
                        subject.productId(),
                        subject.trackingNumber(),
                        subject.containerNumber(),
                        subject.airWaybill(),
                        subject.hsCode(),
                        subject.originCountry(),
                        subject.portOfEntry(),
                        subject.consignee()),
                indicators == null ? List.of() : List.copyOf(indicators),
                confidence,
                evidence == null
                        ? List.of()
                        : evidence.stream()
                                .map(item -> new Evidence(item.sha256(), item.description()))
                                .toList(),
                expiresAt);
    }
}
