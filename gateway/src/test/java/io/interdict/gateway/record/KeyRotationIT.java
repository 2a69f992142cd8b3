package io.interdict.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.interdict.audit.jose.Ed25519KeyFiles;
import io.interdict.audit.jose.Ed25519KeyPair;
import io.interdict.audit.record.SignedRecord;
import io.interdict.config.SigningSettings;
import io.interdict.gateway.startup.DataDirectory;
import io.interdict.gateway.startup.InvalidSettingException;
import io.interdict.gateway.support.ApiClient;
import io.interdict.gateway.support.GatewayIntegrationTest;
import io.interdict.gateway.support.IndependentJcs;
import io.interdict.gateway.support.JdkEd25519;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rotating the gateway key publishes the new key beside the old; old records keep verifying. */
class KeyRotationIT extends GatewayIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataDirectory dataDirectory;

    @Autowired
    GatewaySigningKey currentKey;

    @Autowired
    SignedRecords records;

    @Autowired
    Clock clock;

    @TempDir
    Path keys;

    @Test
    void aRotatedKeyIsPublishedBesideTheOldOneAndOldRecordsStillVerify() {
        Path pem = keys.resolve("next-gateway.pem");
        Ed25519KeyFiles.writePem(pem, Ed25519KeyPair.generate(new SecureRandom()));

        GatewaySigningKey rotated = new GatewaySigningKey(
                new SigningSettings(pem, null, null, "gateway", null), dataDirectory, jdbc, clock);

        assertThat(rotated.keyId()).isNotEqualTo(currentKey.keyId()).startsWith("gw-");
        JsonNode published =
                new ApiClient(port).get(null, "/api/v1/keys").json().get("keys");
        assertThat(published.findValuesAsText("kid")).contains(currentKey.keyId(), rotated.keyId());

        // A record signed before the rotation (amazon's enrolment) verifies with its key from the set.
        SignedRecord enrolment = records.find("amazon", 0).orElseThrow();
        String kid = JdkEd25519.kidOf(enrolment.gatewaySignature());
        String x = null;
        for (JsonNode key : published) {
            if (key.get("kid").asText().equals(kid)) {
                x = key.get("x").asText();
            }
        }
        assertThat(x).as("key " + kid + " is still published").isNotNull();
        byte[] envelope = IndependentJcs.canonical(enrolment.envelope()).getBytes(StandardCharsets.UTF_8);
        assertThat(JdkEd25519.verifyDetached(enrolment.gatewaySignature(), envelope, x))
                .isTrue();
    }

    @Test
    void aKeyIdAlreadyPublishedForAnotherKeyIsRefusedAtStart() {
        Path pem = keys.resolve("impostor.pem");
        Ed25519KeyFiles.writePem(pem, Ed25519KeyPair.generate(new SecureRandom()));

        assertThatThrownBy(() -> new GatewaySigningKey(
                        new SigningSettings(pem, null, null, "gateway", currentKey.keyId()),
                        dataDirectory,
                        jdbc,
                        clock))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("interdict.signing.key-id")
                .hasMessageContaining("already published for a different key");
    }

    @Test
    void theGeneratedKeyFileIsReadableByItsOwnerOnly() throws Exception {
        Path generated = dataDirectory.resolve(GatewaySigningKey.GENERATED_FILE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated)))
                .isEqualTo("rw-------");
    }
}
