package com.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Secrets at rest: sealed with the deployment's key, readable only with it, never with a made-up one on a cluster. */
class SecretCipherTests {

    private static final String KEY = "DoG36dEeOG2rwKXL8IIbPta1MTUIqxqtSA6mLO+/9Ag=";

    @TempDir
    Path dataDir;

    private SecretCipher cipher(String key, boolean embedded) {
        var environment = new MockEnvironment();
        if (!embedded) {
            environment.setProperty("spring.datasource.url", "jdbc:postgresql://db.example/switchboard");
        }
        var properties = new SwitchboardProperties(dataDir, false, false, null);
        return new SecretCipher(key, new Deployment(properties, environment), properties);
    }

    @Test
    void aSecretSealedWithTheKeyIsReadBackAndNeverStoredInClear() {
        var cipher = cipher(KEY, false);

        String sealed = cipher.encrypt("twilio-auth-token");

        assertThat(sealed).doesNotContain("twilio-auth-token");
        assertThat(cipher.encrypt("twilio-auth-token")).isNotEqualTo(sealed);
        assertThat(cipher(KEY, false).decrypt(sealed)).isEqualTo("twilio-auth-token");
    }

    @Test
    void anotherKeyCannotReadIt() {
        String sealed = cipher(KEY, false).encrypt("whsec_secret");

        assertThatThrownBy(() -> cipher("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", false).decrypt(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDeploymentWithItsOwnDatabaseAndNoKeyRefusesToMakeOneUp() {
        assertThatThrownBy(() -> cipher("", false).encrypt("secret")).isInstanceOf(SecretCipher.MissingKey.class);
        assertThat(dataDir.resolve("secret.key")).doesNotExist();
    }

    @Test
    void theEmbeddedDefaultMakesItsKeyOnceAndKeepsItBesideItsDatabase() throws Exception {
        String sealed = cipher("", true).encrypt("secret");

        assertThat(Files.readString(dataDir.resolve("secret.key"))).isNotBlank();
        assertThat(cipher("", true).decrypt(sealed)).isEqualTo("secret");
    }
}
