package org.siddhiql.lakehouse.iceberg;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.flink.CatalogLoader;

/**
 * Builds the Iceberg catalog that holds a table from the connector options ({@code catalog.type}, {@code warehouse},
 * {@code uri}, {@code jdbc.user}, {@code jdbc.password}, {@code catalog.name}, {@code optional.configuration} and
 * the S3 storage options). The same options serve {@code @sink}, {@code @source} and the CLI's table commands, so a
 * table written by an app is read back by naming the same place.
 *
 * <p>A warehouse on {@code s3://} is read and written through Iceberg's S3FileIO on the AWS SDK v2. The Hadoop catalog
 * commits by renaming a file, which S3 cannot do atomically, so on S3 it is refused in favour of {@code jdbc} or
 * {@code rest}.
 */
public final class IcebergCatalogs {
    /** Catalog types by the name {@code catalog.type} takes, with the catalog class that implements each. */
    private static final Map<String, String> IMPLEMENTATIONS = Map.of(
            "hadoop", "org.apache.iceberg.hadoop.HadoopCatalog",
            "jdbc", "org.apache.iceberg.jdbc.JdbcCatalog",
            "rest", "org.apache.iceberg.rest.RESTCatalog");

    private IcebergCatalogs() {
    }

    /**
     * A serializable loader of the catalog the options name; Flink's Iceberg sink and source take one.
     *
     * @param options connector options with their {@code ${NAME}} references resolved
     * @throws IllegalArgumentException with a message for the user when the options do not name a usable catalog
     */
    public static CatalogLoader loader(Map<String, String> options) {
        String type = options.getOrDefault("catalog.type", "hadoop").toLowerCase(Locale.ROOT);
        String implementation = IMPLEMENTATIONS.get(type);
        if (implementation == null) {
            throw new IllegalArgumentException("catalog.type '" + type + "' is not supported: it takes 'hadoop',"
                    + " 'jdbc' or 'rest'");
        }
        String warehouse = options.get("warehouse");
        if (!type.equals("rest") && warehouse == null) {
            throw new IllegalArgumentException("catalog.type '" + type + "' needs a warehouse: the directory or"
                    + " s3:// location under which tables lie");
        }
        if (!type.equals("hadoop") && options.get("uri") == null) {
            throw new IllegalArgumentException("catalog.type '" + type + "' needs a uri: the "
                    + (type.equals("jdbc") ? "JDBC URL of its database" : "catalog server's URL"));
        }
        boolean onS3 = warehouse != null && warehouse.startsWith("s3://");
        if (type.equals("hadoop") && onS3) {
            throw new IllegalArgumentException("catalog.type 'hadoop' commits by renaming files, which S3 cannot do"
                    + " atomically: for a warehouse on s3:// use catalog.type 'jdbc' or 'rest'");
        }
        Map<String, String> properties = new HashMap<>(optionalConfiguration(options.get("optional.configuration")));
        put(properties, CatalogProperties.WAREHOUSE_LOCATION, warehouse);
        put(properties, CatalogProperties.URI, options.get("uri"));
        put(properties, "jdbc.user", options.get("jdbc.user"));
        put(properties, "jdbc.password", options.get("jdbc.password"));
        if (onS3 || options.containsKey("endpoint")) {
            properties.put(CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.aws.s3.S3FileIO");
            // the JDK's HTTP client: the SDK's Apache client would be one more dependency for the same requests
            properties.putIfAbsent("http-client.type", "urlconnection");
            put(properties, "s3.endpoint", options.get("endpoint"));
            put(properties, "s3.path-style-access", options.get("path.style.access"));
            put(properties, "s3.access-key-id", options.get("aws.access.key"));
            put(properties, "s3.secret-access-key", options.get("aws.secret.key"));
            properties.put("client.region", options.getOrDefault("aws.region", "us-east-1"));
        }
        String name = options.getOrDefault("catalog.name", "siddhi");
        return CatalogLoader.custom(name, properties, new Configuration(), implementation);
    }

    /** Siddhi's {@code 'key1:value1,key2:value2'}: further catalog properties, by Iceberg's own names. */
    static Map<String, String> optionalConfiguration(String value) {
        Map<String, String> properties = new HashMap<>();
        if (value != null && !value.isBlank()) {
            for (String entry : value.split(",")) {
                int colon = entry.indexOf(':');
                properties.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
            }
        }
        return properties;
    }

    private static void put(Map<String, String> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }
}
