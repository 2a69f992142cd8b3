package io.interdict.gateway.record;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.interdict.audit.canonical.Jcs;
import io.interdict.audit.jose.Ed25519KeyFiles;
import io.interdict.audit.jose.Ed25519KeyPair;
import io.interdict.audit.jose.KeyFileException;
import io.interdict.audit.jose.Signer;
import io.interdict.config.SigningSettings;
import io.interdict.gateway.startup.DataDirectory;
import io.interdict.gateway.startup.InvalidSettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The gateway's Ed25519 notarisation key: read from the configured PEM or PKCS#12 file, or generated
 * once into the data directory. Its public part is recorded in {@code gateway_key} the first time it
 * is used, so the published JWK set keeps every key the gateway ever signed with.
 */
@Component
public class GatewaySigningKey {

    static final String GENERATED_FILE = "keys/gateway-ed25519.pem";

    private static final Logger log = LoggerFactory.getLogger(GatewaySigningKey.class);

    private final Ed25519KeyPair keyPair;
    private final String keyId;
    private final Signer signer;

    GatewaySigningKey(SigningSettings settings, DataDirectory dataDirectory, JdbcTemplate jdbc, Clock clock) {
        this.keyPair = load(settings, dataDirectory);
        this.keyId = settings.keyId() == null || settings.keyId().isBlank()
                ? "gw-" + thumbprint(keyPair.publicKeyX()).substring(0, 16)
                : settings.keyId();
        this.signer = keyPair.signer(keyId);
        int added = jdbc.update(
                "insert into gateway_key (kid, public_x, valid_from) values (?, ?, ?) on conflict (kid) do nothing",
                keyId,
                keyPair.publicKeyX(),
                Timestamp.from(clock.instant()));
        if (added > 0) {
            log.info("Gateway notarisation key {} published", keyId);
        }
        String stored = jdbc.queryForObject("select public_x from gateway_key where kid = ?", String.class, keyId);
        if (!keyPair.publicKeyX().equals(stored)) {
            throw new InvalidSettingException(
                    "interdict.signing.key-id",
                    "key id '" + keyId + "' is already published for a different key; choose a new key id");
        }
    }

    public Signer signer() {
        return signer;
    }

    public String keyId() {
        return keyId;
    }

    /** RFC 7638 §3: SHA-256 over the canonical JSON of the required members {crv, kty, x}. */
    static String thumbprint(String x) {
        ObjectNode members = JsonNodeFactory.instance.objectNode();
        members.put("crv", "Ed25519");
        members.put("kty", "OKP");
        members.put("x", x);
        try {
            return java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(Jcs.canonicalize(members)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static Ed25519KeyPair load(SigningSettings settings, DataDirectory dataDirectory) {
        if (settings.keyFile() != null && settings.keystore() != null) {
            throw new InvalidSettingException(
                    "interdict.signing.key-file", "set either a key file or interdict.signing.keystore, not both");
        }
        try {
            if (settings.keyFile() != null) {
                return Ed25519KeyFiles.readPem(settings.keyFile());
            }
            if (settings.keystore() != null) {
                char[] password = settings.keystorePassword() == null
                        ? new char[0]
                        : settings.keystorePassword().toCharArray();
                return Ed25519KeyFiles.readPkcs12(settings.keystore(), password, settings.keyAlias());
            }
        } catch (KeyFileException e) {
            String setting = settings.keyFile() != null ? "interdict.signing.key-file" : "interdict.signing.keystore";
            throw new InvalidSettingException(setting, e.getMessage(), e);
        }
        Path generated = dataDirectory.resolve(GENERATED_FILE);
        try {
            if (Files.exists(generated)) {
                return Ed25519KeyFiles.readPem(generated);
            }
            Files.createDirectories(generated.getParent());
            Ed25519KeyPair keyPair = Ed25519KeyPair.generate(new SecureRandom());
            Ed25519KeyFiles.writePem(generated, keyPair);
            log.info("Generated the gateway's notarisation key in {}", generated);
            return keyPair;
        } catch (KeyFileException | java.io.IOException e) {
            throw new InvalidSettingException(
                    "interdict.data-dir",
                    "cannot read or create the gateway key " + generated + " (" + e.getMessage() + ")",
                    e);
        }
    }
}
