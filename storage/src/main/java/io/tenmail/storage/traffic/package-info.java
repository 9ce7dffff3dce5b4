/** Messages in and out per tenant and day: the event mailets fire and the per-node counter that saves it. */
package io.tenmail.storage.traffic;
