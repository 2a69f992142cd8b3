package io.interdict.domain.share;

/** Identifiers of what a share is about (PRODUCT.md §2, §8); absent ones are null, at least one is given. */
public record ShareSubject(
        String sellerAccount,
        String productId,
        String trackingNumber,
        String containerNumber,
        String airWaybill,
        String hsCode,
        String originCountry,
        String portOfEntry,
        String consignee) {}
