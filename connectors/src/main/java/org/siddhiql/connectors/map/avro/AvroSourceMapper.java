package org.siddhiql.connectors.map.avro;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.MappingException;
import org.siddhiql.connectors.map.Records;
import org.siddhiql.connectors.map.SourceMapper;
import org.siddhiql.connectors.map.Values;

/**
 * Siddhi's Avro source mapping: a record is one Avro record in binary encoding, without a header, of the record
 * schema {@code schema.def}; each attribute is the field of its name (a nullable union reads as its type, null as
 * null). Bytes that are not such a record, or have bytes after it, fail the record. The inMemory connector may also
 * hand it a {@link GenericRecord}. Schema registries ({@code schema.registry}, {@code schema.id}) and
 * {@code @attributes} are not supported.
 */
public final class AvroSourceMapper implements SourceMapper {
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final AttributeType[] types;
    private final String schemaDefinition;
    private transient GenericDatumReader<GenericRecord> reader;

    /** @throws IllegalArgumentException when {@code schema.def} is not a record schema with the stream's attributes */
    public AvroSourceMapper(StreamSchema schema, MapSpec map) {
        this.names = schema.attributeNames().toArray(new String[0]);
        this.types = schema.typeArray();
        this.schemaDefinition = map.options().get("schema.def");
        AvroSchemas.checkReadable(AvroSchemas.parse(schemaDefinition), schema);
        createReader();
    }

    private void createReader() {
        Schema schema = AvroSchemas.parse(schemaDefinition);
        reader = new GenericDatumReader<>(schema);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        createReader();
    }

    @Override
    public List<Object[]> map(Object record) throws MappingException {
        GenericRecord avro;
        if (record instanceof GenericRecord) {
            avro = (GenericRecord) record;
        } else if (record instanceof byte[]) {
            avro = decode((byte[]) record);
        } else {
            throw new MappingException("expected Avro bytes, found " + Records.describe(record));
        }
        Object[] data = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            Object value = avro.hasField(names[i]) ? avro.get(names[i]) : null;
            data[i] = Values.convert(value instanceof CharSequence
                    || value instanceof GenericEnumSymbol<?> ? value.toString() : value,
                    types[i], names[i]);
        }
        return List.<Object[]>of(data);
    }

    private GenericRecord decode(byte[] bytes) throws MappingException {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        GenericRecord avro;
        try {
            avro = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new MappingException("not an Avro record of schema.def: bytes are left after the record");
            }
        } catch (java.io.EOFException e) {
            throw new MappingException("not an Avro record of schema.def: the bytes end within the record");
        } catch (IOException | RuntimeException e) {
            throw new MappingException("not an Avro record of schema.def: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return avro;
    }
}
