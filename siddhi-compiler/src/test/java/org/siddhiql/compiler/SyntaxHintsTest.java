package org.siddhiql.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The parser's "no viable alternative" becomes a message naming the mistake, only where the tokens are clear. */
class SyntaxHintsTest {
    private static final String STREAMS = "define stream A (id string, v int);\ndefine stream B (id string, v int);\n";

    @Test
    void namesTheMistakeInAPattern() {
        assertEquals("3:25: syntax error: 'for <time>' is only allowed on an absent ('not') step",
                error("from every e1=A -> e2=B for 2 sec select e1.id as id insert into Out;"));
        assertEquals("3:28: syntax error: 'not B' inside 'or' needs 'for <time>'",
                error("from e1=A -> (e2=B or not B) select e1.id as id insert into Out;"));
    }

    @Test
    void keepsTheParsersMessageWhereNoRuleApplies() {
        assertEquals("3:34: syntax error: mismatched input 'from' expecting {',', GROUP, ORDER, LIMIT, OFFSET, HAVING, "
                + "INSERT, DELETE, UPDATE, RETURN, OUTPUT}",
                error("from A select id insert into Out from B select id insert into Out;"));
    }

    @Test
    void aQuantifierIsRecognisedOnlyAfterAStepsStream() {
        assertEquals("3:18: syntax error: '+' is only allowed in sequences, not after a pattern step",
                error("from e1=A -> e2=B+ select e1.id as id insert into Out;"));
    }

    private static String error(String query) {
        return assertThrows(CompileException.class, () -> new AppCompiler().compile(STREAMS + query)).getMessage();
    }
}
