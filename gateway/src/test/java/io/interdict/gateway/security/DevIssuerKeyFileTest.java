package io.interdict.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.interdict.gateway.startup.InvalidSettingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development issuer's key survives a restart: same key, same kid (PRODUCT.md §6). */
class DevIssuerKeyFileTest {

    @TempDir
    static Path dataDir;

    static Path file;
    static RSAKey created;

    @BeforeAll
    static void createOnce() {
        file = dataDir.resolve(DevIssuerKeyFile.RELATIVE_PATH);
        created = DevIssuerKeyFile.loadOrCreate(file);
    }

    @Test
    void aKeyIsCreatedOnFirstStartAsAPkcs8PemFileReadableByItsOwnerOnly() throws Exception {
        assertThat(file).exists();
        String pem = Files.readString(file);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(created.size()).isEqualTo(3072);
        assertThat(created.isPrivate()).isTrue();
    }

    @Test
    void theSameKeyAndKidAreLoadedAfterARestart() throws Exception {
        RSAKey reloaded = DevIssuerKeyFile.loadOrCreate(file);

        assertThat(reloaded.getKeyID()).isEqualTo(created.getKeyID());
        assertThat(reloaded.toRSAPrivateKey()).isEqualTo(created.toRSAPrivateKey());
        assertThat(reloaded.toRSAPublicKey()).isEqualTo(created.toRSAPublicKey());
    }

    @Test
    void theKidIsTheRfc7638Thumbprint() throws Exception {
        assertThat(created.getKeyID())
                .isEqualTo(created.toPublicJWK().computeThumbprint("SHA-256").toString());
    }

    @Test
    void aFileThatIsNotAKeyStopsTheStartNamingIt(@TempDir Path other) throws Exception {
        Path broken = other.resolve("keys/dev-issuer-rsa.pem");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "not a key");

        assertThatThrownBy(() -> DevIssuerKeyFile.loadOrCreate(broken))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(broken.toString());
    }

    @Test
    void aTruncatedKeyStopsTheStart(@TempDir Path other) throws Exception {
        Path truncated = other.resolve("dev-issuer-rsa.pem");
        String pem = Files.readString(file);
        Files.writeString(truncated, pem.substring(0, 200) + "\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> DevIssuerKeyFile.loadOrCreate(truncated))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(truncated.toString());
    }
}
