package io.interdict.gateway.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.interdict.gateway.InterdictGateway;
import io.interdict.gateway.support.GatewayArguments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Bad configuration fails fast with one clear line naming the setting (issue 2). */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIT {

    @TempDir
    Path dataDir;

    @Test
    void anUnreachableExternalDatabaseFailsFastNamingTheSetting(CapturedOutput output) {
        String url = "jdbc:postgresql://127.0.0.1:9/interdict";

        assertThatThrownBy(() -> start(Map.of("spring.datasource.url", url, "interdict.data-dir", dataDir.toString())))
                .isInstanceOf(Exception.class);

        assertThat(output.getOut() + output.getErr())
                .contains("Cannot use the database at spring.datasource.url=" + url)
                .doesNotContain("\tat ");
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenFailsFastNamingTheSetting(CapturedOutput output) throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("plain-file"), "x");
        Path impossible = notADirectory.resolve("data");

        assertThatThrownBy(() -> start(Map.of("interdict.data-dir", impossible.toString())))
                .isInstanceOf(Exception.class);

        assertThat(output.getOut() + output.getErr())
                .contains("Invalid setting interdict.data-dir: cannot create directory " + impossible)
                .doesNotContain("\tat ");
    }

    private static void start(Map<String, Object> properties) {
        new SpringApplicationBuilder(InterdictGateway.class)
                .run(GatewayArguments.of(properties, Map.of("server.port", 0)))
                .close();
    }
}
