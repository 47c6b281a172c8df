package org.siddhiql.compiler.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.CompileException;

class SecretOptionsTest {
    @Test
    void credentialsAreRecognisedByTheWordsOfTheirNames() {
        for (String secret : new String[] {"aws.secret.key", "aws.access.key", "basic.auth.password",
                "https.keystore.password", "sasl.jaas.config", "ssl.key.password", "api-token", "credentials",
                "client_secret"}) {
            assertTrue(SecretOptions.isSecret(secret), secret);
        }
        for (String plain : new String[] {"https.keystore.file", "bucket.name", "topic", "keyboard",
                "basic.auth.username", "security.protocol", "publisher.url"}) {
            assertFalse(SecretOptions.isSecret(plain), plain);
        }
    }

    @Test
    void descriptionsMaskCredentialsButShowReferences() {
        SinkSpec spec = new SinkSpec("Out", "kafka", Map.of("topic", "t", "bootstrap.servers", "b:1",
                "optional.configuration", "security.protocol:SASL_SSL,sasl.jaas.config:PlainLoginModule required"
                        + " username=\"u\" password=\"hunter2\";,ssl.truststore.password:${TRUST}"),
                new MapSpec("json", Map.of()), 1, 1);
        assertEquals("@sink(type='kafka', bootstrap.servers='b:1', optional.configuration='security.protocol:SASL_SSL,"
                + "sasl.jaas.config:******,ssl.truststore.password:${TRUST}', topic='t', @map(type='json')) Out",
                spec.toString());

        SourceSpec http = new SourceSpec("In", "http", Map.of("receiver.url", "http://0.0.0.0:8280/in",
                "basic.auth.password", "hunter2", "https.keystore.password", "${KS_PASSWORD}"),
                new MapSpec("json", Map.of()), 1, 1);
        assertEquals("@source(type='http', basic.auth.password='******', https.keystore.password='${KS_PASSWORD}',"
                + " receiver.url='http://0.0.0.0:8280/in', @map(type='json')) In", http.toString());
    }

    @Test
    void headersAreMaskedByTheirNames() {
        assertEquals("'X-Team:risk','Authorization:******','X-Api-Key:${API_KEY}'", SecretOptions.shown("headers",
                "'X-Team:risk','Authorization:Bearer abc.def','X-Api-Key:${API_KEY}'"));
    }

    @Test
    void referencesResolveFromTheLookup() {
        Map<String, String> values = Map.of("USER", "ann", "PASS", "a$b\\c");
        assertEquals("ann:a$b\\c@host", SecretOptions.resolve("${USER}:${PASS}@host", values::get));
        assertEquals("plain", SecretOptions.resolve("plain", values::get));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SecretOptions.resolve("${NOPE}", values::get));
        assertEquals("${NOPE} names neither a system property nor an environment variable", e.getMessage());
    }

    @Test
    void aSpecResolvesSystemPropertiesWhenAConnectorReadsAnOption() {
        SinkSpec spec = new SinkSpec("Out", "http", Map.of("publisher.url", "http://h/x",
                "basic.auth.password", "${siddhiql.test.password}", "basic.auth.username", "${siddhiql.test.nobody}"),
                new MapSpec("json", Map.of()), 3, 4);
        System.setProperty("siddhiql.test.password", "s3cr3t");
        try {
            assertEquals("s3cr3t", spec.option("basic.auth.password"));
            assertEquals("${siddhiql.test.password}", spec.options().get("basic.auth.password"));
        } finally {
            System.clearProperty("siddhiql.test.password");
        }
        CompileException e = assertThrows(CompileException.class, () -> spec.option("basic.auth.username"));
        assertEquals("3:4: option 'basic.auth.username' of the @sink of stream 'Out': ${siddhiql.test.nobody} names"
                + " neither a system property nor an environment variable", e.getMessage());
    }
}
