package io.interdict.audit.jose;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.EnumSet;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The gateway's private signing key on disk (PRODUCT.md section 4: "in files or a PKCS#12 keystore
 * named in configuration, never in the event store"): unencrypted PKCS#8 PEM ({@code -----BEGIN
 * PRIVATE KEY-----}, RFC 5958 / RFC 8410 section 7) or a PKCS#12 keystore entry.
 */
public final class Ed25519KeyFiles {

    private static final String PKCS8_PEM_TYPE = "PRIVATE KEY";

    private Ed25519KeyFiles() {}

    /** Reads an Ed25519 private key from a PKCS#8 PEM file. */
    public static Ed25519KeyPair readPem(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser pem = new PEMParser(reader)) {
            Object object = pem.readObject();
            if (!(object instanceof PrivateKeyInfo info)) {
                throw new KeyFileException(file + ": expected a PEM \"" + PKCS8_PEM_TYPE
                        + "\" block (unencrypted PKCS#8), found "
                        + (object == null ? "no PEM block" : object.getClass().getSimpleName()));
            }
            return fromPkcs8(info, file.toString());
        } catch (IOException e) {
            throw new KeyFileException(file + ": cannot read PEM private key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the Ed25519 private key stored under {@code alias} in a PKCS#12 keystore. The
     * BouncyCastle provider is passed as an instance: Ed25519 keys in PKCS#12 need it, and looking it
     * up by the name "BC" fails unless someone registered it first.
     */
    public static Ed25519KeyPair readPkcs12(Path keystore, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12", Bc.PROVIDER);
            store.load(in, password);
            if (!store.containsAlias(alias)) {
                throw new KeyFileException(keystore + ": expected an entry \"" + alias + "\", found aliases "
                        + java.util.Collections.list(store.aliases()));
            }
            Key key = store.getKey(alias, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new KeyFileException(keystore + ": expected a private key under \"" + alias + "\", found "
                        + (key == null ? "a certificate entry" : key.getAlgorithm() + " " + key.getFormat()));
            }
            return fromPkcs8(PrivateKeyInfo.getInstance(privateKey.getEncoded()), keystore + " entry " + alias);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyFileException(
                    keystore + ": cannot read PKCS#12 entry \"" + alias + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code keyPair} as PKCS#8 PEM to a new file created with POSIX mode 600, so the key is
     * never readable by others, not even between creation and a chmod. Refuses to overwrite.
     */
    public static void writePem(Path file, Ed25519KeyPair keyPair) {
        try {
            byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(keyPair.privateKeyParameters())
                    .getEncoded();
            var options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            try (var channel = Files.newByteChannel(file, options, ownerOnly);
                    Writer writer =
                            new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.US_ASCII);
                    PemWriter pem = new PemWriter(writer)) {
                pem.writeObject(new PemObject(PKCS8_PEM_TYPE, pkcs8));
            }
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException(file + ": expected a new file for the private key, found an existing one", e);
        } catch (UnsupportedOperationException e) {
            throw new KeyFileException(file + ": expected a POSIX file system to create the key with mode 600", e);
        } catch (IOException e) {
            throw new KeyFileException(file + ": cannot write PEM private key: " + e.getMessage(), e);
        }
    }

    private static Ed25519KeyPair fromPkcs8(PrivateKeyInfo info, String source) throws IOException {
        AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
        if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
            throw new KeyFileException(source + ": expected an Ed25519 private key (OID 1.3.101.112), found "
                    + info.getPrivateKeyAlgorithm().getAlgorithm());
        }
        return Ed25519KeyPair.of(ed25519);
    }

    /** One provider instance, created on first use (construction takes tens of milliseconds). */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
