package org.siddhiql.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.table.TableWrite;

/** How the planner treats queries that touch tables: their keying, their writes, and what it refuses. */
class TableCompileTest {
    private static final String APP = "define stream S (sym string, qty int);\n"
            + "@primaryKey('sym')\n"
            + "define table T (sym string, qty int);\n";

    @Test
    void everyQueryTouchingATableRunsGloballyAndWritesNoStream() {
        AppPlan plan = new AppCompiler().compile(APP
                + "@info(name='insert') from S insert into T;\n"
                + "@info(name='delete') from S delete T on T.sym == sym;\n"
                + "@info(name='update') from S update T set T.qty = qty on T.sym == sym;\n"
                + "@info(name='upsert') from S update or insert into T on T.sym == sym;\n"
                + "@info(name='member') from S[T.sym == sym in T] select sym insert into Known;");
        assertEquals(List.of("insert GLOBAL INSERT", "delete GLOBAL DELETE", "update GLOBAL UPDATE",
                "upsert GLOBAL UPDATE_OR_INSERT", "member GLOBAL -"), plan.queries().stream()
                .map(TableCompileTest::describe).collect(Collectors.toList()));
        assertEquals(List.of("Known"), plan.outputStreams());
        assertNull(plan.stream("T"));
    }

    @Test
    void aJoinOnExactlyThePrimaryKeyFindsItsRowByKey() {
        AppPlan plan = new AppCompiler().compile(APP
                + "from S join T as t on t.sym == S.sym select S.sym as sym, t.qty as qty insert into ByKey;\n"
                + "from S join T on T.sym == S.sym and T.qty > S.qty select S.sym as sym insert into Scanned;\n"
                + "from S join T on T.sym == T.sym select S.sym as sym insert into SelfCompared;");
        assertEquals(List.of(1, 0, 0), plan.queries().stream()
                .map(q -> q.join().right().tableKey() == null ? 0 : q.join().right().tableKey().length)
                .collect(Collectors.toList()));
    }

    @Test
    void tablesInsidePartitionsAreRefusedWithAPosition() {
        String partition = "partition with (sym of S) begin\n%s\nend;";
        assertEquals("5:24: writing a table inside a partition is not supported yet", error(String.format(partition,
                "from S select sym, qty insert into T;")));
        assertEquals("5:1: 'in' conditions on a table inside a partition are not supported yet", error(
                String.format(partition, "from S[T.sym == sym in T] select sym insert into Known;")));
        assertEquals("5:6: joining a table inside a partition is not supported yet", error(String.format(partition,
                "from S join T on S.sym == T.sym select S.sym as sym, T.qty as qty insert into Known;")));
    }

    @Test
    void inIsRefusedWhereSiddhiFailsOnIt() {
        String refused = "'in T' is not supported in joins, patterns and table writes (siddhi-core 5.1 fails on it "
                + "there)";
        assertEquals("4:82: " + refused, error("from S#window.length(2) as a join S#window.length(2) as b "
                + "on a.sym == b.sym and (T.sym == a.sym in T) select a.sym as sym insert into Pairs;"));
        assertEquals("4:38: " + refused, error("from S delete T on T.sym == sym and (T.qty == 0 in T);"));
    }

    private static String describe(QueryPlan query) {
        TableWrite write = query.tableWrite();
        return query.name() + " " + query.keying() + " " + (write == null ? "-" : write.kind());
    }

    private static String error(String body) {
        CompileException e = assertThrows(CompileException.class, () -> new AppCompiler().compile(APP + body));
        return e.line() + ":" + e.column() + ": " + e.reason();
    }
}
