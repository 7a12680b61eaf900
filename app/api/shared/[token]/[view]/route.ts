export { sharedViewRoute as GET } from "@/lib/shares/route";
