/** Message analysis at append time: ENVELOPE, BODYSTRUCTURE, part offsets, sections. */
package io.mailstream.store.mime;
