package org.siddhiql.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Says what is wrong where Siddhi's parser only says "no viable alternative": for the common mistakes in patterns,
 * sequences and joins, recognised from the tokens of the query around the one the parser stopped at. A rule
 * speaks only when the tokens leave no doubt; otherwise the parser's own message stands.
 */
final class SyntaxHints {
    private static final Set<String> QUANTIFIERS = Set.of("*", "+", "?");
    private static final Set<String> QUERY_ENDS = Set.of("select", "insert", "output");

    /** The query's tokens before the one the parser stopped at, lower case, and as written. */
    private final List<String> before;
    private final List<String> beforeText;
    private final String at;
    private final String after;

    private SyntaxHints(List<String> beforeText, String at, String after) {
        this.beforeText = beforeText;
        this.before = beforeText.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        this.at = at.toLowerCase(Locale.ROOT);
        this.after = after;
    }

    /**
     * A clearer message for the syntax error at {@code position} (1-based line and column) of {@code appText}, or
     * empty when no rule recognises it.
     */
    static Optional<String> explain(String appText, SourcePosition position) {
        int offset = offsetOf(appText, position);
        if (offset < 0) {
            return Optional.empty();
        }
        List<Token> tokens = Token.scan(appText);
        int atIndex = -1;
        int queryStart = 0;
        for (int i = 0; i < tokens.size() && tokens.get(i).start <= offset; i++) {
            if (tokens.get(i).start == offset) {
                atIndex = i;
            } else if (tokens.get(i).is("from")) {
                queryStart = i + 1;
            }
        }
        if (atIndex < 0) {
            return Optional.empty();
        }
        List<String> before = new ArrayList<>();
        for (Token token : tokens.subList(queryStart, atIndex)) {
            before.add(token.text);
        }
        String after = atIndex + 1 < tokens.size() ? tokens.get(atIndex + 1).text : "";
        return new SyntaxHints(before, tokens.get(atIndex).text, after).explain();
    }

    private Optional<String> explain() {
        boolean pattern = before.contains("->") || "->".equals(at);
        if (at.equals("unidirectional") && before.contains("unidirectional")) {
            return hint("only one side of a join may be unidirectional");
        }
        // A quantifier right after a step's stream (e1=A* or e2=B+): the parser stops at it or just after it.
        boolean quantifierAt = QUANTIFIERS.contains(at) && last(1).equals("=");
        boolean quantifierBefore = QUANTIFIERS.contains(last(0)) && last(2).equals("=");
        if (pattern && (quantifierAt || quantifierBefore)) {
            return hint("'" + (quantifierAt ? at : last(0)) + "' is only allowed in sequences, not after a pattern step");
        }
        if (at.equals("-") && last(0).equals("<")) {
            return hint("a count bound must be a non-negative integer");
        }
        if (at.equals("=") && last(1).equals("not")) {
            return hint("an absent step ('not " + after + "') cannot be given an event reference");
        }
        if (at.equals("for") && !stepStartsWithNot()) {
            return hint("'for <time>' is only allowed on an absent ('not') step");
        }
        if ((at.equals("and") || at.equals("or")) && openGroupHasOperator()) {
            return hint("a logical pattern step combines exactly two operands");
        }
        if (at.equals(")") && last(2).equals("or") && last(1).equals("not")) {
            return hint("'not " + beforeText.get(beforeText.size() - 1) + "' inside 'or' needs 'for <time>'");
        }
        if (last(0).equals("every") && before.contains(",") && !pattern) {
            return hint("'every' is only allowed at the start of a sequence");
        }
        if (QUERY_ENDS.contains(at)) {
            return atQueryEnd();
        }
        return Optional.empty();
    }

    /** Errors the parser finds only when the select clause comes: the pattern before it ended wrongly. */
    private Optional<String> atQueryEnd() {
        if (last(0).equals("within")) {
            return hint("'within' needs a time value");
        }
        if (last(1).equals("within") && Character.isDigit(last(0).charAt(0))) {
            return hint("'within' needs a time value with a unit");
        }
        if (last(1).equals("not")) {
            return hint("an absent step at the end of a pattern needs 'for <time>'");
        }
        // ... not B for 1 sec -> not C for 1 sec: the step before the last arrow is an absence too.
        int arrow = before.lastIndexOf("->");
        if (arrow > 0 && arrow + 1 < before.size() && before.get(arrow + 1).equals("not")) {
            int previousNot = before.subList(0, arrow).lastIndexOf("not");
            List<String> previous = previousNot < 0 ? List.of() : before.subList(previousNot, arrow);
            if (previous.contains("for") && !previous.contains("->")) {
                return hint("two absent steps cannot follow each other directly");
            }
        }
        return Optional.empty();
    }

    /** Whether the step that {@code at} ends (since the last step separator) is an absence, {@code not X}. */
    private boolean stepStartsWithNot() {
        for (int i = before.size() - 1; i >= 0; i--) {
            String token = before.get(i);
            if (token.equals("not")) {
                return true;
            }
            if (Set.of("->", ",", "(", "every", "and", "or").contains(token)) {
                return false;
            }
        }
        return false;
    }

    /** Whether the innermost open parenthesis already holds an {@code and} or {@code or}. */
    private boolean openGroupHasOperator() {
        int depth = 0;
        for (int i = before.size() - 1; i >= 0; i--) {
            String token = before.get(i);
            if (token.equals(")")) {
                depth++;
            } else if (token.equals("(")) {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0 && (token.equals("and") || token.equals("or"))) {
                return true;
            }
        }
        return false;
    }

    /** The token {@code back} places before the last one of {@code before}, or "". */
    private String last(int back) {
        int index = before.size() - 1 - back;
        return index >= 0 ? before.get(index) : "";
    }

    private static Optional<String> hint(String message) {
        return Optional.of("syntax error: " + message);
    }

    private static int offsetOf(String text, SourcePosition position) {
        int line = 1;
        int offset = 0;
        while (line < position.line()) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return -1;
            }
            line++;
        }
        offset += position.column() - 1;
        return offset < text.length() ? offset : -1;
    }

    /** A token of SiddhiQL as far as the rules need: words, numbers, quoted strings, {@code ->} and single symbols. */
    private record Token(int start, String text) {
        boolean is(String word) {
            return text.equalsIgnoreCase(word);
        }

        static List<Token> scan(String text) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int start = i;
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                if (text.startsWith("--", i)) {
                    int end = text.indexOf('\n', i);
                    i = end < 0 ? text.length() : end;
                    continue;
                }
                if (text.startsWith("/*", i)) {
                    int end = text.indexOf("*/", i + 2);
                    i = end < 0 ? text.length() : end + 2;
                    continue;
                }
                if (Character.isLetterOrDigit(c) || c == '_') {
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                            || text.charAt(i) == '.' && Character.isDigit(text.charAt(start)))) {
                        i++;
                    }
                } else if (c == '\'' || c == '"') {
                    int end = text.indexOf(c, i + 1);
                    i = end < 0 ? text.length() : end + 1;
                } else if (text.startsWith("->", i)) {
                    i += 2;
                } else {
                    i++;
                }
                tokens.add(new Token(start, text.substring(start, i)));
            }
            return tokens;
        }
    }
}
