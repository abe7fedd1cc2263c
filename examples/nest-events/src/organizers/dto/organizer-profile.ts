/** Shape of a profile update. An interface: it leaves no metadata for ValidationPipe to check. */
export interface OrganizerProfileInput {
  companyName?: string;
  website?: string;
}
