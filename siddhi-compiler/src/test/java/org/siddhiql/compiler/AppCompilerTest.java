package org.siddhiql.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.plan.QueryPlan;

/** What the planner decides: streams, keying, and what it refuses. */
class AppCompilerTest {
    private static final String TRADES = "define stream Trades (symbol string, price double, volume long);\n";

    @Test
    void infersOutputStreamsAndTellsInputsFromOutputs() {
        AppPlan plan = compile(TRADES + "from Trades[price > 10.0] select symbol, price * 2 as doubled insert into Big;\n"
                + "from Big select symbol insert into Names;");
        assertEquals("Big (symbol string, doubled double)", plan.stream("Big").toString());
        assertEquals(List.of("Trades"), plan.inputStreams());
        assertEquals(List.of("Big", "Names"), plan.outputStreams());
    }

    @Test
    void keysEachQueryAsFarAsSiddhisSemanticsAllow() {
        AppPlan plan = compile(TRADES
                + "@info(name='stateless') from Trades[price > 1.0] select symbol insert into A;\n"
                + "@info(name='perGroup') from Trades select symbol, sum(volume) as v group by symbol insert into B;\n"
                + "@info(name='slidingTimePerGroup') from Trades#window.time(1 sec) select symbol, count() as n "
                + "group by symbol insert into C;\n"
                + "@info(name='lengthIsGlobal') from Trades#window.length(5) select symbol, count() as n "
                + "group by symbol insert into D;\n"
                + "@info(name='rateLimitIsGlobal') from Trades select symbol, sum(volume) as v group by symbol "
                + "output last every 3 events insert into E;\n"
                + "@info(name='noGroupIsGlobal') from Trades select sum(volume) as v insert into F;");
        assertEquals(List.of("stateless NONE", "perGroup GROUP_BY", "slidingTimePerGroup GROUP_BY",
                "lengthIsGlobal GLOBAL", "rateLimitIsGlobal GLOBAL", "noGroupIsGlobal GLOBAL"),
                plan.queries().stream().map(q -> q.name() + " " + q.keying()).collect(Collectors.toList()));
    }

    @Test
    void namesQueriesByInfoOrPosition() {
        AppPlan plan = compile(TRADES + "from Trades select symbol insert into A;\n"
                + "@info(name = 'second') from Trades select symbol insert into B;");
        assertEquals(List.of("query1", "second"), plan.queries().stream().map(QueryPlan::name)
                .collect(Collectors.toList()));
        CompileException duplicate = assertThrows(CompileException.class, () -> compile(TRADES
                + "@info(name = 'q') from Trades select symbol insert into A;\n"
                + "@info(name = 'q') from Trades select symbol insert into B;"));
        assertEquals("3:7: duplicate query name 'q'", duplicate.getMessage());
    }

    @Test
    void refusesQueriesThatFeedTheirOwnInputWithThePositionOfTheQueryClosingTheLoop() {
        CompileException cycle = assertThrows(CompileException.class, () -> compile(TRADES
                + "define stream Loop (symbol string, volume long);\n"
                + "from Trades select symbol, volume insert into Loop;\n"
                + "from Loop[volume < 100] select symbol, volume * 2 as volume insert into Back;\n"
                + "from Back select symbol, volume insert into Loop;"));
        assertEquals(5, cycle.line());
        assertEquals("query 'query3' feeds stream 'Loop', which leads back to its input 'Back': cycles between "
                + "queries are not supported yet", cycle.reason());
    }

    @Test
    void refusesWhatIsNotSupportedYetAtItsPosition() {
        CompileException join = assertThrows(CompileException.class, () -> compile(TRADES
                + "define stream Quotes (symbol string, bid double);\n"
                + "from Trades#window.length(1) join Quotes#window.sort(2, bid) on Trades.symbol == Quotes.symbol\n"
                + "select Trades.symbol insert into J;"));
        assertEquals(3, join.line());
        org.junit.jupiter.api.Assertions.assertTrue(join.reason().startsWith("joining window 'sort"), join.reason());
    }

    @Test
    void aStreamWithOnErrorStreamGetsAFaultStreamThatIsNeitherInputNorOutput() {
        AppPlan plan = compile("@OnError(action='STREAM')\n" + TRADES
                + "from Trades select symbol insert into A;\n"
                + "from !Trades select symbol, _error insert into Errors;");
        assertEquals("!Trades (symbol string, price double, volume long, _error object)",
                plan.stream("!Trades").toString());
        assertEquals(List.of("Trades"), plan.inputStreams());
        assertEquals(List.of("A", "Errors"), plan.outputStreams());
        assertEquals("STREAM", plan.faults().action("Trades").name());
        assertEquals("LOG", plan.faults().action("A").name());
    }

    @Test
    void refusesFaultStreamsThatDoNotExistAndActionsItDoesNotKnow() {
        CompileException log = assertThrows(CompileException.class, () -> compile("@OnError(action='log')\n"
                + TRADES + "from !Trades select symbol insert into Errors;"));
        assertEquals("3:6: fault stream '!Trades' is not defined: stream 'Trades' has no @OnError(action='STREAM')",
                log.getMessage());
        CompileException store = assertThrows(CompileException.class, () -> compile("@OnError(action='STORE')\n"
                + TRADES));
        assertEquals("1:1: @OnError(action='STORE') is not supported (there is no error store): use 'LOG' or "
                + "'STREAM'", store.getMessage());
        CompileException partitioned = assertThrows(CompileException.class, () -> compile(
                "@OnError(action='STREAM')\n" + TRADES + "partition with (symbol of Trades) begin\n"
                + "from Trades select symbol, count() as n insert into Counts;\nend;"));
        assertEquals(4, partitioned.line());
    }

    private static AppPlan compile(String app) {
        return new AppCompiler().compile(app);
    }
}
