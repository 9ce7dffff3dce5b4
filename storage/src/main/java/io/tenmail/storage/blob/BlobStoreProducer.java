package io.tenmail.storage.blob;

import io.tenmail.storage.StorageSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Makes the blob store available to CDI, as {@code BlobStore} (and {@link BlobInventory} for the
 * sweeper), in {@link StorageSettings#blobDir()}.
 */
@ApplicationScoped
public class BlobStoreProducer {

    // @Singleton, not @ApplicationScoped: FileBlobStore is final, which CDI cannot proxy
    @Produces
    @Singleton
    FileBlobStore blobStore(StorageSettings settings) {
        return new FileBlobStore(settings.blobDir());
    }
}
