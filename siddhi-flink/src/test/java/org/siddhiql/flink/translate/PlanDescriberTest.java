package org.siddhiql.flink.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;

/** What {@code explain} says of queries touching tables. */
class PlanDescriberTest {
    @Test
    void tableQueriesSayHowTheyWriteAndWhyTheyRunOnOneKey() {
        String described = PlanDescriber.describe(new AppCompiler().compile(
                "define stream S (sym string, qty int);\n"
                        + "@primaryKey('sym') define table T (sym string, qty int);\n"
                        + "from S insert into T;\n"
                        + "from S[qty < 0] delete T on T.sym == sym;\n"
                        + "from S update or insert into T set T.qty = qty on T.sym == sym;\n"
                        + "from S[T.sym == sym in T] select sym insert into Known;"));
        List<String> lines = Arrays.stream(described.split("\n"))
                .filter(line -> line.contains("keyed:") || line.contains("insert ") || line.contains("write "))
                .map(String::strip)
                .collect(Collectors.toList());
        String oneUnit = "keyed: one global key (a table is one unit shared by the queries touching it: one parallel "
                + "instance)";
        assertEquals(List.of(
                "query1 (line 3)  " + oneUnit, "insert   current events into T (sym string, qty int) (a table)",
                "query2 (line 4)  " + oneUnit, "write    current events: delete table T (sym string, qty int)",
                "query3 (line 5)  " + oneUnit,
                "write    current events: update or insert table T (sym string, qty int)",
                "query4 (line 6)  " + oneUnit, "insert   current events into Known (sym string)"), lines);
    }
}
