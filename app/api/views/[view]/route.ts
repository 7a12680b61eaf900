export { viewRoute as GET } from "@/lib/views/routes";
