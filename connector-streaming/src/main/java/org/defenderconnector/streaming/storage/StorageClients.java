package org.defenderconnector.streaming.storage;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;

/** Builds the blob and queue clients for an account, on the JDK HTTP transport (no Netty). */
final class StorageClients {
    private StorageClients() {
    }

    /** The transport for an account: the JDK's default trust, or the account's (its extra CA certificate). */
    static HttpClient httpClient(StorageAccount account) {
        if (account.tls() == null) {
            return new JdkHttpClientBuilder().build();
        }
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(account.tls())).build();
    }

    static BlobServiceClient blobs(StorageAccount account, HttpClient http) {
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder().httpClient(http)
                .addPolicy(new UntrustedCertificatePolicy());
        StorageAuth auth = account.auth();
        if (auth instanceof StorageAuth.ConnectionString cs) {
            builder.connectionString(cs.value());
        } else if (auth instanceof StorageAuth.SharedKey key) {
            builder.endpoint(account.blobEndpoint().toString())
                    .credential(new StorageSharedKeyCredential(key.accountName(), key.accountKey()));
        } else if (auth instanceof StorageAuth.Sas sas) {
            builder.endpoint(account.blobEndpoint().toString()).sasToken(sas.token());
        } else if (auth instanceof StorageAuth.Entra entra) {
            builder.endpoint(account.blobEndpoint().toString()).credential(new SignInReportingCredential(entra.credential()));
        }
        return builder.buildClient();
    }

    /** The queue client reads message text as it is (no SDK decoding): both encodings are handled by us. */
    static QueueClient queue(StorageAccount account, String queueName, HttpClient http) {
        QueueClientBuilder builder = new QueueClientBuilder().httpClient(http).queueName(queueName)
                .messageEncoding(QueueMessageEncoding.NONE).addPolicy(new UntrustedCertificatePolicy());
        StorageAuth auth = account.auth();
        if (auth instanceof StorageAuth.ConnectionString cs) {
            builder.connectionString(cs.value());
        } else if (auth instanceof StorageAuth.SharedKey key) {
            builder.endpoint(account.queueEndpoint().toString())
                    .credential(new StorageSharedKeyCredential(key.accountName(), key.accountKey()));
        } else if (auth instanceof StorageAuth.Sas sas) {
            builder.endpoint(account.queueEndpoint().toString()).sasToken(sas.token());
        } else if (auth instanceof StorageAuth.Entra entra) {
            builder.endpoint(account.queueEndpoint().toString()).credential(new SignInReportingCredential(entra.credential()));
        }
        return builder.buildClient();
    }
}
