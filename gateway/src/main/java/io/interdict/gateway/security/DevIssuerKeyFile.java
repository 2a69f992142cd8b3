package io.interdict.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.interdict.gateway.startup.InvalidSettingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development issuer's RSA signing key, kept as an unencrypted PKCS#8 PEM file in the data
 * directory so that tokens survive a restart (NOTES-STACK.md: otherwise the key is regenerated at
 * every start). Created once, 3072 bits, with POSIX mode 600 in a directory of mode 700; its
 * {@code kid} is the RFC 7638 thumbprint, so it is the same after every load.
 */
final class DevIssuerKeyFile {

    static final String RELATIVE_PATH = "keys/dev-issuer-rsa.pem";
    static final int KEY_BITS = 3072;

    private static final Logger log = LoggerFactory.getLogger(DevIssuerKeyFile.class);
    private static final String SETTING = "interdict.data-dir";
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private DevIssuerKeyFile() {}

    /** Reads the key at {@code file}, creating it first if there is none. */
    static RSAKey loadOrCreate(Path file) {
        if (!Files.exists(file)) {
            create(file);
        }
        return load(file);
    }

    static RSAKey load(Path file) {
        warnIfReadableByOthers(file);
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            int begin = pem.indexOf(BEGIN);
            int end = pem.indexOf(END);
            if (begin < 0 || end < begin) {
                throw new InvalidSettingException(SETTING, file + " is not a PKCS#8 PEM private key");
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
            if (!(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof RSAPrivateCrtKey privateKey)) {
                throw new InvalidSettingException(
                        SETTING, file + " does not hold an RSA private key with CRT parameters");
            }
            if (privateKey.getModulus().bitLength() < 2048) {
                throw new InvalidSettingException(SETTING, file + " holds an RSA key shorter than 2048 bits");
            }
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | JOSEException e) {
            throw new InvalidSettingException(
                    SETTING, "cannot read the development issuer's key " + file + " (" + e + ")", e);
        }
    }

    private static void create(Path file) {
        Path dir = file.getParent();
        try {
            createPrivateDirectory(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
            String pem =
                    BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n" + END + "\n";
            // Written under a temporary name (created 600) and then renamed, never over an existing
            // key: a crash leaves no half-written key, and a key created meanwhile is kept.
            Path temporary = Files.createTempFile(dir, ".dev-issuer-rsa", ".tmp", ownerOnly(dir, OWNER_ONLY_FILE));
            try {
                Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
                Files.move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
            log.info("Created the development issuer's signing key {}", file);
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first: use that one.
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidSettingException(
                    SETTING, "cannot create the development issuer's key " + file + " (" + e + ")", e);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly(dir.getParent(), OWNER_ONLY_DIR));
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path near, Set<PosixFilePermission> permissions) {
        return posix(near)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path near) {
        return near != null
                && near.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void warnIfReadableByOthers(Path file) {
        if (!posix(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY_FILE.containsAll(permissions)) {
                log.warn(
                        "The development issuer's key {} is readable by others ({}); expected rw-------",
                        file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (IOException e) {
            log.warn("Cannot read the permissions of {}: {}", file, e.toString());
        }
    }
}
