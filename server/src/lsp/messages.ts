// The shared message descriptors (protocol/messages.ts) as vscode-languageserver's own types.
import { NotificationType, RequestType } from 'vscode-languageserver';
import type { NotificationDescriptor, RequestDescriptor } from '../protocol/index';

export function requestType<P, R>(descriptor: RequestDescriptor<P, R>): RequestType<P, R, void> {
  return new RequestType<P, R, void>(descriptor.method);
}

export function notificationType<P>(descriptor: NotificationDescriptor<P>): NotificationType<P> {
  return new NotificationType<P>(descriptor.method);
}
