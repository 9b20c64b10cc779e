package com.switchboard.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets kept at rest (the SMS provider's credentials, the webhooks' signing secrets)
 * with AES-256-GCM. The key is the deployment's {@code switchboard.secret-key} (32 bytes, base64),
 * the same on every node. The embedded default, a single node, makes one on first use and keeps it
 * beside its database files.
 */
@Component
public class SecretCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String configuredKey;
    private final Deployment deployment;
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    /** No key is set, and this deployment (several nodes may share its database) cannot make one up. */
    public static final class MissingKey extends RuntimeException {

        MissingKey() {
            super("switchboard.secret-key is not set");
        }
    }

    SecretCipher(@Value("${switchboard.secret-key:}") String configuredKey, Deployment deployment,
            SwitchboardProperties properties) {
        this.configuredKey = configuredKey;
        this.deployment = deployment;
        this.keyFile = properties.dataDir().resolve("secret.key");
    }

    /** The secret, sealed: a random IV and the ciphertext with its tag, in base64. */
    public String encrypt(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret cannot be read with this switchboard.secret-key", e);
        }
    }

    private SecretKeySpec key() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadKey(), "AES");
                }
            }
        }
        return key;
    }

    private byte[] loadKey() {
        if (!configuredKey.isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(configuredKey.strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("switchboard.secret-key must be 32 bytes, base64-encoded");
            }
            return bytes;
        }
        if (!deployment.embeddedDatabase()) {
            // Several nodes must share one key: it has to be set, not made up by each node.
            throw new MissingKey();
        }
        try {
            if (Files.exists(keyFile)) {
                return Base64.getDecoder().decode(Files.readString(keyFile).strip());
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            Files.createDirectories(keyFile.getParent());
            try {
                // CREATE_NEW: if another process made it meanwhile, theirs is the key.
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(bytes), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            }
            catch (FileAlreadyExistsException madeMeanwhile) {
                return Base64.getDecoder().decode(Files.readString(keyFile).strip());
            }
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply.
            }
            return bytes;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
