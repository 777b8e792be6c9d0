import { onSignOut } from '../auth/session';
import { resetAttachments } from './attachments-store';

// Files queued for a composer (and their previews) must not outlive the session.
onSignOut(resetAttachments);
