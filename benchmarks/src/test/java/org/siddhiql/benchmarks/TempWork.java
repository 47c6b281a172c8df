package org.siddhiql.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A benchmark's scratch directory: created for one run, deleted with everything in it afterwards. */
final class TempWork {
    private TempWork() {
    }

    @FunctionalInterface
    interface Body {
        void run(Path work) throws Exception;
    }

    static void in(String prefix, Body body) throws Exception {
        Path work = Files.createTempDirectory(prefix);
        try {
            body.run(work);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
