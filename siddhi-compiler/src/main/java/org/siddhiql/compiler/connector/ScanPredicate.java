package org.siddhiql.compiler.connector;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A condition on a table source's columns that every row some query of the app still needs satisfies: a table
 * connector may skip files and row groups whose statistics show no row can satisfy it. Runtime-neutral, so each
 * table format translates it into its own scan filter. It is never stricter than the queries' filters, which still
 * run on what the scan returns: a format may return more rows than it selects, never fewer.
 */
public sealed interface ScanPredicate extends Serializable {
    /** A comparison operator, written as in SiddhiQL. */
    enum Operator {
        EQUAL("=="),
        NOT_EQUAL("!="),
        LESS_THAN("<"),
        LESS_THAN_OR_EQUAL("<="),
        GREATER_THAN(">"),
        GREATER_THAN_OR_EQUAL(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The operator for the same comparison with its operands swapped: {@code 5 < x} is {@code x > 5}. */
        Operator swapped() {
            switch (this) {
                case LESS_THAN: return GREATER_THAN;
                case LESS_THAN_OR_EQUAL: return GREATER_THAN_OR_EQUAL;
                case GREATER_THAN: return LESS_THAN;
                case GREATER_THAN_OR_EQUAL: return LESS_THAN_OR_EQUAL;
                default: return this;
            }
        }
    }

    /**
     * {@code column operator value}; a row whose column is null does not satisfy it (but {@code !=} may let such
     * rows through, which only means reading more).
     *
     * @param value of the column's SiddhiQL type's Java class ({@code Integer} for an {@code int} column...)
     */
    record Comparison(String column, Operator operator, Object value) implements ScanPredicate {
        @Override
        public String toString() {
            return column + " " + operator.symbol() + " " + (value instanceof String ? "'" + value + "'" : value);
        }
    }

    record IsNull(String column) implements ScanPredicate {
        @Override
        public String toString() {
            return column + " is null";
        }
    }

    record NotNull(String column) implements ScanPredicate {
        @Override
        public String toString() {
            return "not " + column + " is null";
        }
    }

    /** All of two or more predicates. */
    record And(List<ScanPredicate> operands) implements ScanPredicate {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return join(operands, " and ");
        }
    }

    /** Any of two or more predicates. */
    record Or(List<ScanPredicate> operands) implements ScanPredicate {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return join(operands, " or ");
        }
    }

    private static String join(List<ScanPredicate> operands, String word) {
        return operands.stream()
                .map(p -> p instanceof And || p instanceof Or ? "(" + p + ")" : p.toString())
                .collect(Collectors.joining(word));
    }
}
