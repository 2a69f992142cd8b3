package io.interdict.gateway.startup;

import io.interdict.config.InterdictSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The directory named by {@code interdict.data-dir}, checked once at start: it exists (or can be
 * created) and a file can be written in it. Everything the gateway keeps on local disk lives below
 * it.
 */
@Component
public class DataDirectory {

    static final String SETTING = "interdict.data-dir";

    private final Path root;

    public DataDirectory(InterdictSettings settings) {
        this.root = prepare(settings.dataDir());
    }

    /** A path inside the data directory. */
    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    public Path root() {
        return root;
    }

    private static Path prepare(Path configured) {
        Path dir = configured.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new InvalidSettingException(SETTING, "cannot create directory " + dir + " (" + describe(e) + ")", e);
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidSettingException(SETTING, dir + " is not a directory");
        }
        // Files.isWritable is true for root even on a read-only mount: write a probe file instead.
        try {
            Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new InvalidSettingException(SETTING, "cannot write in " + dir + " (" + describe(e) + ")", e);
        }
        return dir;
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
