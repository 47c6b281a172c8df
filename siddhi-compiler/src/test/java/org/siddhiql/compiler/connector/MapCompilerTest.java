package org.siddhiql.compiler.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.plan.AppPlan;

/**
 * The mappers' options, {@code @attributes} and {@code @payload}. siddhi-core does not validate a mapper's options
 * before it loads the mapper's extension, so these are unit tests rather than invalid-app cases.
 */
class MapCompilerTest {
    private static final String STREAM = "define stream Trades (symbol string, price double);\n";
    private static final String IN_MEMORY = "@source(type='inMemory', topic='t', ";

    private static AppPlan compile(String app) {
        return new AppCompiler().compile(app);
    }

    private static String error(String app) {
        return assertThrows(CompileException.class, () -> compile(app)).getMessage();
    }

    @Test
    void attributesByNameOrInTheStreamsOrderBecomePlaces() {
        MapSpec named = compile(IN_MEMORY + "@map(type='json', enclosing.element='$.trades',\n"
                + "    @attributes(price='$.p', symbol='$.s')))\n" + STREAM).sources().get(0).map();
        assertEquals(new MapSpec("json", Map.of("enclosing.element", "$.trades"),
                Map.of("symbol", "$.s", "price", "$.p"), null, Map.of()), named);

        MapSpec positional = compile(IN_MEMORY + "@map(type='csv', @attributes('1', '0')))\n" + STREAM)
                .sources().get(0).map();
        assertEquals(Map.of("symbol", "1", "price", "0"), positional.attributes());
    }

    @Test
    void attributesMustMapEveryAttributeOnceToAPlaceOfTheMapper() {
        assertEquals("1:55: @attributes in @map of @source of stream 'Trades' (type 'json') does not say where"
                + " attribute 'price' is: it must map every attribute",
                error(IN_MEMORY + "@map(type='json', @attributes(symbol='$.s')))\n" + STREAM));
        assertEquals("1:81: @attributes in @map of @source of stream 'Trades' (type 'json') names 'volume', which is"
                + " not an attribute of stream 'Trades'",
                error(IN_MEMORY + "@map(type='json', @attributes(symbol='$.s', volume='$.v')))\n" + STREAM));
        assertEquals("1:54: @attributes in @map of @source of stream 'Trades' (type 'csv') has 'x' for 'symbol': it"
                + " takes the index of a field, from 0",
                error(IN_MEMORY + "@map(type='csv', @attributes(symbol='x', price='1')))\n" + STREAM));
        assertEquals("1:55: @attributes in @map of @source of stream 'Trades' (type 'json') has 's' for 'symbol': it"
                + " takes a JSONPath starting with '$'",
                error(IN_MEMORY + "@map(type='json', @attributes(symbol='s', price='$.p')))\n" + STREAM));
    }

    @Test
    void textAttributesNameGroupsOfTheMappersRegularExpressions() {
        MapSpec map = compile(IN_MEMORY + "@map(type='text', regex.A='(\\w+) at ([0-9.]+)',\n"
                + "    @attributes(symbol='A[1]', price='A[2]')))\n" + STREAM).sources().get(0).map();
        assertEquals(Map.of("symbol", "A[1]", "price", "A[2]"), map.attributes());

        assertEquals("2:5: @attributes in @map of @source of stream 'Trades' (type 'text') has 'A[3]' for 'price': it"
                + " takes a group that regex.A has",
                error(IN_MEMORY + "@map(type='text', regex.A='(\\w+) at ([0-9.]+)',\n"
                        + "    @attributes(symbol='A[1]', price='A[3]')))\n" + STREAM));
        assertEquals("1:72: @attributes in @map of @source of stream 'Trades' (type 'text') has 'B[1]' for 'symbol':"
                + " it takes <id>[<group>] of a regex.<id> option",
                error(IN_MEMORY + "@map(type='text', regex.A='(\\w+)', @attributes(symbol='B[1]', price='A[1]')))\n"
                        + STREAM));
        assertEquals("1:55: @map of @source of stream 'Trades' (type 'text') has regex.A that is not a regular"
                + " expression: Unclosed group near index 3",
                error(IN_MEMORY + "@map(type='text', regex.A='(\\w', @attributes(symbol='A[1]', price='A[1]')))\n"
                        + STREAM));
    }

    @Test
    void payloadTemplatesNameAttributesOfTheStream() {
        String sink = "@sink(type='inMemory', topic='t', @map(type='text', @payload(\"{{symbol}} at {{price}}\")))\n";
        assertEquals("{{symbol}} at {{price}}", compile(sink + STREAM).sinks().get(0).map().payloadTemplate());

        assertEquals("1:62: @payload in @map of @sink of stream 'Trades' (type 'json') has {{volume}}, which is not"
                + " an attribute of stream 'Trades'",
                error("@sink(type='inMemory', topic='t', @map(type='json', @payload(\"\"\"{\"v\":{{volume}}}\"\"\")))\n"
                        + STREAM));
        assertEquals("1:52: @payload in @map of @sink of stream 'Trades' (type 'csv') is not supported: @payload is,"
                + " once, for 'json', 'keyvalue', 'text'",
                error("@sink(type='inMemory', topic='t', @map(type='csv', @payload(\"{{symbol}}\")))\n" + STREAM));
    }

    @Test
    void keyValuePayloadGivesEachKeyAnAttribute() {
        MapSpec map = compile("@sink(type='inMemory', topic='t', @map(type='keyvalue', @payload(s='symbol',"
                + " p='price')))\n" + STREAM).sinks().get(0).map();
        assertEquals(Map.of("s", "symbol", "p", "price"), map.payloadKeys());
    }

    @Test
    void mapperOptionsAreCheckedByNameAndValue() {
        assertEquals("1:59: @map of @source of stream 'Trades' (type 'keyvalue') has unknown option 'delimiter': it"
                + " takes 'fail.on.missing.attribute'",
                error(IN_MEMORY + "@map(type='keyvalue', delimiter=';'))\n" + STREAM));
        assertEquals("1:55: @map of @source of stream 'Trades' (type 'json') has fail.on.missing.attribute 'yes':"
                + " it takes 'true' or 'false'",
                error(IN_MEMORY + "@map(type='json', fail.on.missing.attribute='yes'))\n" + STREAM));
        assertEquals("1:37: @map of @source of stream 'Trades' (type 'avro') misses required option 'schema.def':"
                + " schema registries are not supported",
                error(IN_MEMORY + "@map(type='avro'))\n" + STREAM));
    }

    @Test
    void logSinkTakesSiddhisPriorities() {
        SinkSpec log = compile("@sink(type='log', prefix='trades', priority='debug')\n" + STREAM).sinks().get(0);
        assertEquals(Map.of("prefix", "trades", "priority", "debug"), log.options());
        assertEquals("1:19: @sink of stream 'Trades' has priority 'LOUD': it takes one of 'DEBUG', 'ERROR', 'FATAL',"
                + " 'INFO', 'OFF', 'TRACE', 'WARN'",
                error("@sink(type='log', priority='LOUD')\n" + STREAM));
    }

    @Test
    void sinkOptionsThatTakeEventAttributesAreRejectedRatherThanUsedLiterally() {
        assertEquals("1:24: @sink of stream 'Trades' has topic 'quotes-{{symbol}}': options that take event attributes"
                + " ({{...}}) are not supported",
                error("@sink(type='inMemory', topic='quotes-{{symbol}}', @map(type='json'))\n" + STREAM));
    }

    @Test
    void anInMemorySourceReadsSiddhisDefaultTopicWhenGivenNone() {
        assertEquals(Map.of(), compile("@source(type='inMemory', @map(type='passThrough'))\n" + STREAM).sources()
                .get(0).options());
    }
}
