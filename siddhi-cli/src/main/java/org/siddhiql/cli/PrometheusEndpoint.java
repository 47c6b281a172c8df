package org.siddhiql.cli;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/**
 * {@code run --metrics-port}: Flink's Prometheus reporter on the embedded cluster, serving every metric of the job
 * (Flink's own, and the queries' and streams' groups {@code siddhiQuery} and {@code siddhiStream}) at
 * {@code http://<host>:<port>/metrics}. The same two settings configure a cluster's reporter for a submitted job.
 * Flink's reporter listens on every interface of the host; it has no option to choose one.
 */
final class PrometheusEndpoint {
    static final ConfigOption<String> FACTORY = ConfigOptions.key("metrics.reporter.prom.factory.class")
            .stringType().noDefaultValue();
    static final ConfigOption<String> PORT = ConfigOptions.key("metrics.reporter.prom.port")
            .stringType().noDefaultValue();

    private PrometheusEndpoint() {
    }

    /** Adds the reporter to a cluster's configuration when a port is given (null: no endpoint). */
    static Configuration configure(Configuration config, Integer port) {
        if (port != null) {
            config.set(FACTORY, "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
            config.set(PORT, String.valueOf(port));
        }
        return config;
    }
}
