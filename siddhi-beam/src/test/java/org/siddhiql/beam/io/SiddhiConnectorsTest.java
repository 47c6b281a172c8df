package org.siddhiql.beam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.CompileException;

/** What {@link SiddhiConnectors#of} refuses to build, and where it says the app is wrong. */
class SiddhiConnectorsTest {
    private static final String KAFKA_SOURCE = "@source(type='kafka', topic.list='t', bootstrap.servers='localhost:9092',"
            + " group.id='g', @map(type='json'))\n";

    @Test
    void aSourceTypeBeamHasNoConnectorForFailsAtItsAnnotation() {
        CompileException e = assertThrows(CompileException.class, () -> SiddhiConnectors.of(
                "define stream Other (a int);\n"
                        + "  @source(type='http', receiver.url='http://0.0.0.0:8080/in', @map(type='json'))\n"
                        + "define stream In (a int);\n"
                        + "from In select a insert into Out;\n"));
        assertEquals("app.siddhi:2:3: @source of stream 'In' has type 'http', which the Beam engine has no connector"
                + " for: it reads 'file', 'kafka' (the flink engine runs them all)", e.format("app.siddhi"));
    }

    @Test
    void aSinkTypeBeamHasNoConnectorForFailsAtItsAnnotation() {
        CompileException e = assertThrows(CompileException.class, () -> SiddhiConnectors.of(
                KAFKA_SOURCE
                        + "define stream In (a int);\n"
                        + "@sink(type='inMemory', topic='out')\n"
                        + "define stream Out (a int);\n"
                        + "from In select a insert into Out;\n"));
        assertEquals("app.siddhi:3:1: @sink of stream 'Out' has type 'inmemory', which the Beam engine has no"
                + " connector for: it writes 'file', 'kafka', 'log' (the flink engine runs them all)",
                e.format("app.siddhi"));
    }

    @Test
    void anExactlyOnceKafkaSinkFailsAtItsAnnotation() {
        CompileException e = assertThrows(CompileException.class, () -> SiddhiConnectors.of(
                KAFKA_SOURCE
                        + "define stream In (a int);\n"
                        + "@sink(type='kafka', topic='out', bootstrap.servers='localhost:9092',"
                        + " delivery.guarantee='exactly_once', @map(type='json'))\n"
                        + "define stream Out (a int);\n"
                        + "from In select a insert into Out;\n"));
        assertEquals("app.siddhi:3:1: @sink of stream 'Out' is exactly_once, which the Beam engine's Kafka sink"
                + " does not offer: it writes at least once", e.format("app.siddhi"));
    }

    @Test
    void aFileOnNoFileSystemOfThePipelineFailsAtItsAnnotationWhenThePipelineIsBuilt() {
        SiddhiConnectors app = SiddhiConnectors.of(KAFKA_SOURCE
                + "define stream In (a int);\n"
                + "@sink(type='file', file.uri='s3://bucket/out', @map(type='csv'))\n"
                + "define stream Out (a int);\n"
                + "from In select a insert into Out;\n");
        Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
        CompileException e = assertThrows(CompileException.class, () -> pipeline.apply(app));
        assertEquals("app.siddhi:3:1: @sink of stream 'Out': file.uri 's3://bucket/out' is on no file system of this"
                + " Beam pipeline: No filesystem found for scheme s3", e.format("app.siddhi"));
    }

    @Test
    void anAppWithoutSourcesIsNotAConnectedPipeline() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SiddhiConnectors.of(
                "@app:name('Idle')\ndefine stream In (a int);\nfrom In select a insert into Out;\n"));
        assertEquals("app 'Idle' has no @source: nothing would feed it", e.getMessage());
    }

    @Test
    void returnsTheOutputStreamsWithoutASink() {
        SiddhiConnectors app = SiddhiConnectors.of(KAFKA_SOURCE
                + "define stream In (a int);\n"
                + "@sink(type='log')\n"
                + "define stream Logged (a int);\n"
                + "from In select a insert into Logged;\n"
                + "from In[a > 1] select a insert into Big;\n");
        assertEquals(List.of("Big"), app.unsunkStreams());
    }
}
