package io.tenmail.storage.jpa;

import io.tenmail.storage.Directory;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.TestStorageProducer;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AuthResult;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.Resolution;
import io.tenmail.storage.model.SendPolicy;
import io.tenmail.storage.model.Tenant;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory as the server wires it: the storage beans deployed into a CDI container, the
 * ports injected by interface. The contract tests cover behaviour; this proves the wiring
 * (producers, scopes, proxies of the Jpa* beans) and one pass through every port.
 */
@ExtendWith(ArquillianExtension.class)
class DirectoryArquillianIT {

    @Deployment
    static JavaArchive deployment() {
        return ShrinkWrap.create(JavaArchive.class, "storage-directory.jar")
                .addClasses(JpaStorageProducer.class, JpaDirectory.class, JpaDirectoryAdmin.class, TestStorageProducer.class)
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    Directory directory;

    @Inject
    DirectoryAdmin admin;

    @Test
    void anAccountCreatedThroughTheAdminPortLogsInAndReceivesMail() throws StoreException {
        Tenant tenant = admin.createTenant("Arquillian Ltd", 10, 0);
        Domain domain = admin.createDomain(tenant.id(), "arquillian.test");
        Account ann = admin.createAccount(tenant.id(), new EmailAddress("ann", "arquillian.test"), "Ann", "s3cret pass", 0);
        admin.createGroup(tenant.id(), new EmailAddress("team", domain.name()), "Team", List.of(ann.address()), SendPolicy.MEMBERS);

        AuthResult login = directory.authenticate("ann@arquillian.test", "s3cret pass", Protocol.IMAP, InetAddress.getLoopbackAddress());
        assertThat(login.succeeded()).isTrue();
        assertThat(login.principal().orElseThrow().account()).isEqualTo(ann.id());

        Resolution team = directory.resolve(new EmailAddress("team", "arquillian.test"));
        assertThat(team.isLocal()).isTrue();
        assertThat(team.accounts()).containsExactly(ann.id());
        assertThat(directory.mayPost(team.groups().get(0), ann.address())).isTrue();
        assertThat(directory.findAccount(ann.id())).contains(ann);
    }
}
