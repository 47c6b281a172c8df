package org.siddhiql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

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
            hideErrorMessages(node.get("data"));
            return NORMALISER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }

    /**
     * A fault stream's {@code _error} is written as {@code {"error":"<message>"}}; the message is each engine's own
     * wording (FORMAT.md), so only that there was an error is compared.
     */
    private static void hideErrorMessages(JsonNode data) {
        if (data == null || !data.isArray()) {
            return;
        }
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).isObject() && data.get(i).has("error")) {
                ((ArrayNode) data).set(i, NORMALISER.createObjectNode().put("error", "..."));
            }
        }
    }
}
