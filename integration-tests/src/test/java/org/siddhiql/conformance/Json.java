package org.siddhiql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Shared Jackson set-up for the harness. */
final class Json {

    /**
     * Reads events as bin/siddhi reads them (decimals as double, then narrowed for float attributes), so the oracle
     * and the engines get the same values, -0.0 included.
     */
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Writes compactly; decimals are read as double so that {@code 1.0} and {@code 1.00} normalise alike. */
    private static final ObjectMapper NORMALISER = new ObjectMapper();

    private Json() {
    }

    /**
     * One JSON line in canonical form: parsed and written again by Jackson, so that spacing and number
     * spelling ({@code 1.50} vs {@code 1.5}) do not matter; integers and decimals stay distinct.
     */
    static String normalise(String line) {
        try {
            JsonNode node = NORMALISER.readTree(line);
            return NORMALISER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }
}
