package org.siddhiql.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {
    @Test
    void readsTheAppTextAndTheCheckpointSettings() {
        JobArguments arguments = JobArguments.parse(new String[] {"--app-text", "define stream S (a int);",
                "--checkpoint-interval", "500ms", "--checkpoint-dir", "s3://bucket/ckpt"});
        assertEquals("define stream S (a int);", arguments.appText());
        assertEquals("APP", arguments.appName());
        assertEquals(Duration.ofMillis(500), arguments.checkpointInterval());
        assertEquals(URI.create("s3://bucket/ckpt"), arguments.checkpointDir());
    }

    @Test
    void defaultsToTenSecondsAndTheClusterCheckpointDirectory() {
        JobArguments arguments = JobArguments.parse(new String[] {"--app", "app.siddhi"});
        assertEquals(Duration.ofSeconds(10), arguments.checkpointInterval());
        assertNull(arguments.checkpointDir());
        assertEquals("app.siddhi", arguments.appName());
    }

    @Test
    void makesALocalCheckpointDirectoryAbsolute() {
        JobArguments arguments = JobArguments.parse(new String[] {"--app", "a", "--checkpoint-dir", "ckpt"});
        assertEquals(Path.of("ckpt").toAbsolutePath().toUri(), arguments.checkpointDir());
    }

    @Test
    void rejectsUnknownOrMissingArguments() {
        assertEquals("usage: --app FILE | --app-text TEXT [--checkpoint-interval DURATION] [--checkpoint-dir URI]; "
                + "not understood: --parallelism", assertThrows(IllegalArgumentException.class,
                () -> JobArguments.parse(new String[] {"--app", "a", "--parallelism", "2"})).getMessage());
        assertEquals("give the app as --app FILE or as --app-text TEXT, once", assertThrows(
                IllegalArgumentException.class, () -> JobArguments.parse(new String[0])).getMessage());
    }
}
