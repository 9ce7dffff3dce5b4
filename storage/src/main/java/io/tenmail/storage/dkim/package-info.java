/** DKIM key material shared by the key store and the signer: generating and decoding RSA keys. */
package io.tenmail.storage.dkim;
