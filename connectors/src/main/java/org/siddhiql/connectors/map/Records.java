package org.siddhiql.connectors.map;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.siddhiql.connectors.MappingException;

/** What a record is, for the mappers of text. */
public final class Records {
    private Records() {
    }

    /** A record of text: a string as it is, bytes decoded as UTF-8, which they must be. */
    public static String text(Object record) throws MappingException {
        if (record instanceof String) {
            return (String) record;
        }
        if (record instanceof byte[]) {
            try {
                CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap((byte[]) record));
                return text.toString();
            } catch (CharacterCodingException e) {
                throw new MappingException("the record is not UTF-8 text");
            }
        }
        throw new MappingException("expected text, found " + describe(record));
    }

    /** A record's kind, for messages: {@code no value} or {@code a java.lang.Integer}. */
    public static String describe(Object record) {
        return record == null ? "no value" : "a " + record.getClass().getName();
    }

    /** Jackson's message without its own location, which names a redacted source. */
    public static String withoutLocation(String message) {
        int location = message.indexOf(" (start marker at");
        return location < 0 ? message : message.substring(0, location);
    }
}
