package io.interdict.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's Ed25519 notarisation key (PRODUCT.md §4). Give either a PKCS#8 PEM file or a
 * PKCS#12 keystore; with neither, a key is generated on first start and kept as
 * {@code <interdict.data-dir>/keys/gateway-ed25519.pem} (mode 600). Rotating means pointing these
 * settings at a new key: its public part is published beside the old ones, and records signed with
 * an old key keep verifying.
 *
 * @param keyFile a PKCS#8 PEM private key
 * @param keystore a PKCS#12 keystore holding the key
 * @param keystorePassword the keystore's password
 * @param keyAlias the key's alias in the keystore
 * @param keyId the JWS {@code kid}; by default "gw-" and the start of the key's RFC 7638 thumbprint
 */
@Validated
@ConfigurationProperties(prefix = "interdict.signing")
public record SigningSettings(
        Path keyFile,
        Path keystore,
        String keystorePassword,
        @DefaultValue("gateway") String keyAlias,
        String keyId) {}
