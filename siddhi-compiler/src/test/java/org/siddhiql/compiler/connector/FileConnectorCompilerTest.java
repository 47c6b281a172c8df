package org.siddhiql.compiler.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.plan.AppPlan;

/** {@code @source/@sink(type='file')} and {@code @map(type='csv')}: the options we honour, and errors for the rest. */
class FileConnectorCompilerTest {
    private static final String STREAMS = "define stream Trades (symbol string, price double);\n"
            + "from Trades select symbol, price insert into Out;\n";

    private static AppPlan compile(String app) {
        return new AppCompiler().compile(app);
    }

    private static String error(String app) {
        return assertThrows(CompileException.class, () -> compile(app)).getMessage();
    }

    @Test
    void fileSourceAndSinkBecomeSpecs() {
        AppPlan plan = compile("@source(type='file', dir.uri='file:///in', mode='line', tailing='false',\n"
                + "  dir.polling.interval='500', @map(type='csv', delimiter=';', fail.on.unknown.attribute='false'))\n"
                + STREAMS.replace("from", "@sink(type='file', file.uri='/out', @map(type='csv', delimiter='|'))\n"
                        + "define stream Out (symbol string, price double);\nfrom"));

        assertEquals(List.of(new SourceSpec("Trades", "file", Map.of("dir.uri", "file:///in", "mode", "line",
                "tailing", "false", "dir.polling.interval", "500"),
                new MapSpec("csv", Map.of("delimiter", ";", "fail.on.unknown.attribute", "false")), 1, 1)),
                plan.sources());
        assertEquals(List.of(new SinkSpec("Out", "file", Map.of("file.uri", "/out"),
                new MapSpec("csv", Map.of("delimiter", "|")), 4, 1)), plan.sinks());
    }

    @Test
    void aSourceNamesExactlyOneFileOrDirectory() {
        assertEquals("1:1: @source of stream 'Trades' needs exactly one of 'file.uri' and 'dir.uri'",
                error("@source(type='file', tailing='false', @map(type='csv'))\n" + STREAMS));
        assertEquals("1:1: @source of stream 'Trades' needs exactly one of 'file.uri' and 'dir.uri'",
                error("@source(type='file', file.uri='/a', dir.uri='/b', tailing='false', @map(type='csv'))\n"
                        + STREAMS));
    }

    @Test
    void tailingIsRejectedWhereverItIsAskedFor() {
        assertEquals("1:1: @source of stream 'Trades' tails its files by default in Siddhi, following appends to"
                + " them, which is not supported: set tailing='false'",
                error("@source(type='file', file.uri='/a', @map(type='csv'))\n" + STREAMS));
        assertEquals("1:37: @source of stream 'Trades' has tailing 'true': following appends to a file is not"
                + " supported, set tailing='false'",
                error("@source(type='file', file.uri='/a', tailing='true', @map(type='csv'))\n" + STREAMS));
    }

    @Test
    void onlyLineModeIsSupported() {
        assertEquals("1:37: @source of stream 'Trades' has mode 'text.full': only mode 'line' (one event per line)"
                + " is supported",
                error("@source(type='file', file.uri='/a', mode='text.full', tailing='false', @map(type='csv'))\n"
                        + STREAMS));
    }

    @Test
    void thePollingIntervalIsForDirectoriesInMilliseconds() {
        assertEquals("1:53: @source of stream 'Trades' has dir.polling.interval '1 sec': it takes a positive number"
                + " of milliseconds",
                error("@source(type='file', dir.uri='/a', tailing='false', dir.polling.interval='1 sec',"
                        + " @map(type='csv'))\n" + STREAMS));
        assertEquals("1:54: @source of stream 'Trades' has 'dir.polling.interval' but no 'dir.uri'",
                error("@source(type='file', file.uri='/a', tailing='false', dir.polling.interval='100',"
                        + " @map(type='csv'))\n" + STREAMS));
    }

    @Test
    void unknownOptionsAreRejectedWithTheirPosition() {
        assertEquals("1:54: @source of stream 'Trades' (type 'file') has unknown option 'action.after.process': it"
                + " takes 'dir.polling.interval', 'dir.uri', 'file.uri', 'mode', 'tailing'",
                error("@source(type='file', file.uri='/a', tailing='false', action.after.process='delete',"
                        + " @map(type='csv'))\n" + STREAMS));
        assertEquals("1:71: @map of @source of stream 'Trades' (type 'csv') has unknown option 'header.present': it"
                + " takes 'delimiter', 'fail.on.unknown.attribute'",
                error("@source(type='file', file.uri='/a', tailing='false', @map(type='csv',"
                        + " header.present='true'))\n" + STREAMS));
    }

    @Test
    void eachConnectorTypeTakesItsOwnMapper() {
        assertEquals("1:54: @source of stream 'Trades' (type 'file') cannot map text: it maps 'csv', 'json',"
                + " 'keyvalue'",
                error("@source(type='file', file.uri='/a', tailing='false', @map(type='text'))\n" + STREAMS));
        assertEquals("1:1: @source of stream 'Trades' (type 'kafka') cannot map passthrough (the default without"
                + " @map): it maps 'avro', 'csv', 'json', 'keyvalue', 'text'",
                error("@source(type='kafka', topic.list='t', bootstrap.servers='b', group.id='g')\n" + STREAMS));
    }

    @Test
    void aCsvDelimiterIsOneCharacterOtherThanAQuote() {
        assertEquals("1:71: @map of @source of stream 'Trades' (type 'csv') has delimiter '::': it takes one"
                + " character other than a quote or a line break",
                error("@source(type='file', file.uri='/a', tailing='false', @map(type='csv', delimiter='::'))\n"
                        + STREAMS));
    }
}
