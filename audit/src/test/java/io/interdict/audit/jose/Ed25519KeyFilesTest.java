package io.interdict.audit.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519KeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void writtenPemIsOwnerOnlyAndReadsBackAsTheSameKey() throws Exception {
        Ed25519KeyPair pair = Ed25519KeyPair.generate(new SecureRandom());
        Path file = dir.resolve("gateway.pem");
        Ed25519KeyFiles.writePem(file, pair);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Ed25519KeyFiles.readPem(file).seed()).isEqualTo(pair.seed());
    }

    /** The JDK writes the same PKCS#8 encoding (RFC 8410 section 7) that we read. */
    @Test
    void pemOfAJdkGeneratedKeyIsRead() throws Exception {
        KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(jdk.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path file = dir.resolve("jdk.pem");
        Files.writeString(file, pem);
        Ed25519KeyPair pair = Ed25519KeyFiles.readPem(file);
        byte[] data = {42};
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(jdk.getPublic());
        verifier.update(data);
        assertThat(verifier.verify(pair.signer("k").sign(data))).isTrue();
    }

    @Test
    void existingFilesAreNotOverwritten() throws Exception {
        Path file = dir.resolve("taken.pem");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> Ed25519KeyFiles.writePem(file, JoseFixtures.GATEWAY))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("found an existing one");
    }

    @Test
    void pemWithoutAPrivateKeyIsRefused() throws Exception {
        Path file = dir.resolve("empty.pem");
        Files.writeString(file, "not pem\n");
        assertThatThrownBy(() -> Ed25519KeyFiles.readPem(file))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("found no PEM block");
    }

    @Test
    void pemHoldingAnRsaKeyIsRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder()
                        .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path file = dir.resolve("rsa.pem");
        Files.writeString(file, pem);
        assertThatThrownBy(() -> Ed25519KeyFiles.readPem(file))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("expected an Ed25519 private key");
    }

    @Test
    void pkcs12EntryMadeWithBouncyCastleIsRead() throws Exception {
        BouncyCastleProvider bc = new BouncyCastleProvider();
        KeyPair keyPair = KeyPairGenerator.getInstance("Ed25519", bc).generateKeyPair();
        X500Name name = new X500Name("CN=interdict-gateway");
        X509Certificate certificate = new JcaX509CertificateConverter()
                .setProvider(bc)
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name, BigInteger.ONE, new Date(0), new Date(4102444800000L), name, keyPair.getPublic())
                        .build(new JcaContentSignerBuilder("Ed25519")
                                .setProvider(bc)
                                .build(keyPair.getPrivate())));
        char[] password = "changeit".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12", bc);
        store.load(null, null);
        store.setKeyEntry("gw-1", keyPair.getPrivate(), password, new X509Certificate[] {certificate});
        Path file = dir.resolve("gateway.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }

        Ed25519KeyPair read = Ed25519KeyFiles.readPkcs12(file, password, "gw-1");
        byte[] data = {7, 7};
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519", bc);
        verifier.initVerify(keyPair.getPublic());
        verifier.update(data);
        assertThat(verifier.verify(read.signer("gw-1").sign(data))).isTrue();

        assertThatThrownBy(() -> Ed25519KeyFiles.readPkcs12(file, password, "gw-2"))
                .isInstanceOf(KeyFileException.class)
                .hasMessageContaining("expected an entry \"gw-2\"");
        assertThatThrownBy(() -> Ed25519KeyFiles.readPkcs12(file, "wrong".toCharArray(), "gw-1"))
                .isInstanceOf(KeyFileException.class);
    }
}
