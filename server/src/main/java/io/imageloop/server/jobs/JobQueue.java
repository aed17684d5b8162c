package io.imageloop.server.jobs;

import io.imageloop.server.ServerConfig;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.JobServerFilter;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The export queue: JobRunr with its tables in the application database, so queued and
 * interrupted exports survive a restart. A job whose server stopped mid-render is failed by
 * JobRunr and retried; one that keeps failing is handed to {@code onAbandoned}.
 */
public final class JobQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobQueue.class);

    /** Retries after an interruption or unexpected error; render errors of the draft are not retried. */
    static final int RETRIES = 3;

    private final StorageProvider storage;
    /** Null in a process that only answers HTTP ({@code --workers 0}): it queues, others render. */
    private final BackgroundJobServer server;
    private final JobRequestScheduler scheduler;

    /**
     * @param onAbandoned told the runner job id of a job that failed after all retries
     */
    public JobQueue(DataSource dataSource, RenderJobHandler handler, ServerConfig config, Consumer<String> onAbandoned) {
        JacksonJsonMapper json = new JacksonJsonMapper();
        this.storage = SqlStorageProviderFactory.using(dataSource);
        storage.setJobMapper(new JobMapper(json));
        JobActivator activator = new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                return type == RenderJobHandler.class ? type.cast(handler) : null;
            }
        };
        if (config.workers() > 0) {
            BackgroundJobServerConfiguration serverConfig = BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                    .andName("imageloop-" + ProcessHandle.current().pid())
                    .andWorkerCount(config.workers())
                    .andPollInterval(config.jobPollInterval())
                    .andInterruptJobsAwaitDurationOnStopBackgroundJobServer(config.shutdownGrace());
            this.server = new BackgroundJobServer(storage, json, activator, serverConfig);
            server.setJobFilters(List.of(new AbandonFilter(onAbandoned)));
        } else {
            this.server = null;
        }
        this.scheduler = new JobRequestScheduler(storage);
    }

    public void start() {
        if (server == null) {
            LOG.info("export queue ready (no render workers in this process)");
            return;
        }
        server.start();
        LOG.info("export queue started with render workers in this process");
    }

    /** Queues the export under the given runner id; queueing an id twice is harmless. */
    public void enqueue(UUID runnerId, String jobKey, String renderId) {
        scheduler.create(JobBuilder.aJob().withId(runnerId).withName("render " + renderId)
                .withAmountOfRetries(RETRIES).withJobRequest(new RenderJobRequest(jobKey)));
    }

    /** What the runner holds for an export. */
    public enum Standing {
        /** Enqueued, scheduled for a retry, or processing on a server that is still registered. */
        LIVE,
        /** Processing on a server that has signed off (stopped mid-render): nobody will finish it. */
        ORPHANED,
        /** Missing or ended: the export must be queued again. */
        GONE
    }

    public Standing standing(String runnerId) {
        if (runnerId == null) return Standing.GONE;
        Job job;
        try {
            job = storage.getJobById(UUID.fromString(runnerId));
        } catch (JobNotFoundException | IllegalArgumentException e) {
            return Standing.GONE;
        }
        StateName state = job.getState();
        if (state == StateName.ENQUEUED || state == StateName.SCHEDULED || state == StateName.AWAITING) return Standing.LIVE;
        if (state != StateName.PROCESSING) return Standing.GONE;
        UUID owner = ((ProcessingState) job.getJobState()).getServerId();
        boolean ownerRegistered = storage.getBackgroundJobServers().stream().anyMatch(s -> s.getId().equals(owner));
        // A crashed server stays registered until its heartbeat times out; JobRunr then fails and retries its jobs.
        return ownerRegistered ? Standing.LIVE : Standing.ORPHANED;
    }

    /** Drops a job nobody will finish, so the export can be queued again under a new id. */
    public void discard(String runnerId) {
        storage.deletePermanently(UUID.fromString(runnerId));
    }

    /**
     * Stops the job server. Renders still running after the grace period are interrupted;
     * waiting for their workers to record that (a failure JobRunr retries) keeps the database
     * open until they have.
     */
    @Override
    public void close() {
        try {
            if (server == null) return;
            server.stop();
            long end = System.nanoTime() + 5_000_000_000L;
            while (server.getJobSteward().getOccupiedWorkerCount() > 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            storage.close();
        }
    }

    /** Reports jobs that failed for good so their export is marked failed and credits released. */
    private static final class AbandonFilter implements JobServerFilter {
        private final Consumer<String> onAbandoned;

        AbandonFilter(Consumer<String> onAbandoned) {
            this.onAbandoned = onAbandoned;
        }

        @Override
        public void onFailedAfterRetries(Job job) {
            onAbandoned.accept(job.getId().toString());
        }
    }
}
