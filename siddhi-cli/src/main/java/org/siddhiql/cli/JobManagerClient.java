package org.siddhiql.cli;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.deployment.StandaloneClusterId;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.util.ExceptionUtils;

/**
 * The JobManager of a session cluster, through its REST API ({@link RestClusterClient}, as {@code flink list|cancel|
 * stop} use it), with the errors a user can act on as {@link UserError}s: nothing answers at the address, no such job.
 */
final class JobManagerClient implements AutoCloseable {
    /** How long a call may take; a stop-with-savepoint waits for the savepoint and the job's end. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final String address;
    private final Configuration configuration;
    private final RestClusterClient<StandaloneClusterId> client;

    private JobManagerClient(String address, Configuration configuration) throws Exception {
        this.address = address;
        this.configuration = configuration;
        this.client = new RestClusterClient<>(configuration, StandaloneClusterId.getInstance());
    }

    /** A client of the JobManager with the REST endpoint {@code HOST:PORT}; fails at once if nothing answers there. */
    static JobManagerClient connect(String address) throws Exception {
        JobManagerClient client = new JobManagerClient(address, clientConfiguration(address));
        try {
            client.jobs();
        } catch (RuntimeException | InterruptedException e) {
            client.close();
            throw e;
        }
        return client;
    }

    /** The client side of {@code HOST:PORT}, without retries: a missing cluster is reported, not waited for. */
    static Configuration clientConfiguration(String address) {
        int colon = address.lastIndexOf(':');
        int port;
        try {
            port = colon < 1 ? -1 : Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new UserError("--jobmanager: '" + address + "' is not HOST:PORT (the address cluster start prints)");
        }
        Configuration config = new Configuration();
        config.set(RestOptions.ADDRESS, address.substring(0, colon));
        config.set(RestOptions.PORT, port);
        config.set(RestOptions.RETRY_MAX_ATTEMPTS, 0);
        return config;
    }

    Configuration configuration() {
        return new Configuration(configuration);
    }

    String address() {
        return address;
    }

    Collection<JobStatusMessage> jobs() throws InterruptedException {
        return await(client.listJobs());
    }

    /** The job with id {@code id} (32 hex digits, as {@code submit} and {@code list} print it). */
    JobStatusMessage job(String id) throws InterruptedException {
        JobID jobId;
        try {
            jobId = JobID.fromHexString(id);
        } catch (IllegalArgumentException e) {
            throw new UserError("'" + id + "' is not a job id (32 hex digits, as submit and list print it)");
        }
        return jobs().stream()
                .filter(job -> job.getJobId().equals(jobId))
                .findFirst()
                .orElseThrow(() -> new UserError("no job " + id + " on the cluster at " + address));
    }

    void cancel(JobID job) throws InterruptedException {
        await(client.cancel(job));
    }

    /** Stops the job with a savepoint in {@code directory} (a URI); returns the savepoint's path. */
    String stopWithSavepoint(JobID job, String directory) throws InterruptedException {
        return await(client.stopWithSavepoint(job, false, directory, SavepointFormatType.DEFAULT));
    }

    private <T> T await(CompletableFuture<T> call) throws InterruptedException {
        try {
            return call.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (ExceptionUtils.findThrowable(e, ConnectException.class).isPresent()) {
                throw new UserError("no Flink cluster answers at " + address + " (start one with bin/siddhi cluster "
                        + "start)");
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new UserError("the JobManager at " + address + " did not answer within " + TIMEOUT.toSeconds()
                    + " s");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
