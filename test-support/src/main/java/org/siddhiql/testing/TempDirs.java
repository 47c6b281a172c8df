package org.siddhiql.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temporary directories the fixtures keep their data in. */
public final class TempDirs {
    private TempDirs() {
    }

    /** Deletes {@code dir} and everything in it, if it exists; a leftover temporary directory is harmless. */
    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // nothing to do: the directory is under java.io.tmpdir
        }
    }
}
