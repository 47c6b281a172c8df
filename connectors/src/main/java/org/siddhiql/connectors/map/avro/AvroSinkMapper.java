package org.siddhiql.connectors.map.avro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.map.SinkMapper;
import org.siddhiql.runtime.event.Event;

/**
 * Siddhi's Avro sink mapping: an event is one Avro record in binary encoding, without a header, of the record schema
 * {@code schema.def}, each field the attribute of its name and type; without {@code schema.def} the schema is a
 * record named after the stream with a nullable field per attribute, as Siddhi derives it. Within the JVM the record
 * is the same bytes. A null for a field that is not nullable fails the sink. Schema registries are not supported.
 */
public final class AvroSinkMapper implements SinkMapper {
    private static final long serialVersionUID = 1L;

    private final String schemaDefinition;
    private final int[] attributes;
    private transient Schema schema;
    private transient GenericDatumWriter<GenericRecord> writer;

    /** @throws IllegalArgumentException when {@code schema.def} is not a record schema of the stream's attributes */
    public AvroSinkMapper(StreamSchema stream, MapSpec map) {
        String definition = map.options().get("schema.def");
        Schema schema = definition == null ? AvroSchemas.of(stream) : AvroSchemas.parse(definition);
        AvroSchemas.checkWritable(schema, stream);
        this.schemaDefinition = schema.toString();
        this.attributes = schema.getFields().stream().mapToInt(field -> stream.indexOf(field.name())).toArray();
        createWriter();
    }

    private void createWriter() {
        schema = AvroSchemas.parse(schemaDefinition);
        writer = new GenericDatumWriter<>(schema);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        createWriter();
    }

    @Override
    public Object toObject(Event event) {
        return toBytes(event);
    }

    @Override
    public byte[] toBytes(Event event) {
        GenericRecord record = new GenericData.Record(schema);
        for (int i = 0; i < attributes.length; i++) {
            record.put(i, event.data()[attributes[i]]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing Avro to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
